namespace Integrity.Api.Seeding.Scale;

/// <summary>
/// How much data a scale holds. <c>large</c> is a programme portfolio bigger than any real one today (60
/// administrations, 10 programmes, 6,000 workshops, 100,000 officials, about a million attendance records, 2,000
/// action plans with 40,000 actions); <c>medium</c> and <c>small</c> are a tenth and a hundredth of it, <c>tiny</c>
/// a thousandth (for tests). Counts marked "about" come from the seeded draws.
/// </summary>
public sealed record ScaleSize(
    string Name, int Administrations, int Programmes, int Workshops, int Participants,
    int ActionPlans, int ActionsPerPlan, int Modules, int Trainers)
{
    public static readonly ScaleSize[] All =
    [
        Of("large", 1),
        Of("medium", 10),
        Of("small", 100),
        Of("tiny", 1000),
    ];

    /// <summary>Administrations and programmes shrink less than the records: a small portfolio still spans several of each.</summary>
    private static ScaleSize Of(string name, int divisor) => new(
        name,
        Administrations: Math.Max(6, 60 / (int)Math.Sqrt(divisor)),
        Programmes: Math.Max(2, 10 / (int)Math.Sqrt(divisor)),
        Workshops: 6_000 / divisor,
        Participants: 100_000 / divisor,
        ActionPlans: Math.Max(2, 2_000 / divisor),
        ActionsPerPlan: 20,
        Modules: 24,
        Trainers: Math.Max(30, 600 / divisor));

    public static ScaleSize? Named(string? name) => All.FirstOrDefault(size => size.Name == name);

    public static string Names => string.Join("|", All.Select(size => size.Name));
}
