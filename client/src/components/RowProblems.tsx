/** The reasons an imported row needs attention, as the API gives them, one per line. */
export function RowProblems({ problems }: { problems: readonly string[] }) {
  return (
    <ul className="sheet-problems">
      {problems.map((problem) => (
        <li key={problem}>{problem}</li>
      ))}
    </ul>
  );
}
