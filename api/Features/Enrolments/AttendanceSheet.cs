using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Integrity.Api.Features.Participants;

namespace Integrity.Api.Features.Enrolments;

/// <summary>
/// An attendance sheet as trainers keep it: CSV in UTF-8 (with or without BOM) or Windows-1252 (French Excel's
/// "CSV (séparateur : point-virgule)"), separated by commas, semicolons or tabs, or an Excel workbook (.xlsx, its
/// first sheet). The header row may sit below title or blank rows (within the first 20); its names are English or
/// French in any order, and a column headed by a day (29/11/2023, 2023-11-29 or a date cell) holds that day's
/// attendance marks. Columns it does not know are reported, not read; blank rows are skipped. Reading the file itself
/// (formats, encodings, limits) is <see cref="UploadedSheet"/>'s.
/// </summary>
public sealed class AttendanceSheet
{
    public const string CsvMediaType = UploadedSheet.CsvMediaType;
    public const string XlsxMediaType = UploadedSheet.XlsxMediaType;

    /// <summary>How far below the top the header row may be: a title, a date, a blank row or two.</summary>
    private const int HeaderSearchRows = 20;

    private static readonly string[] DayFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy", "dd/MM/yy"];

    public enum Column { FamilyName, GivenNames, Sex, Administration, Service, Position, Email, StaffNumber }

    /// <summary>Header names, written as <see cref="Key"/> gives them: lower-case, no accents, words joined by '_'.</summary>
    private static readonly Dictionary<string, Column> Headers = new(StringComparer.Ordinal)
    {
        ["family_name"] = Column.FamilyName, ["nom"] = Column.FamilyName, ["last_name"] = Column.FamilyName,
        ["surname"] = Column.FamilyName, ["nom_de_famille"] = Column.FamilyName, ["noms"] = Column.FamilyName,
        ["given_names"] = Column.GivenNames, ["prenoms"] = Column.GivenNames, ["prenom"] = Column.GivenNames, ["prenom_s"] = Column.GivenNames,
        ["given_name"] = Column.GivenNames, ["first_name"] = Column.GivenNames, ["first_names"] = Column.GivenNames,
        ["sex"] = Column.Sex, ["gender"] = Column.Sex, ["sexe"] = Column.Sex, ["genre"] = Column.Sex,
        ["administration"] = Column.Administration, ["administration_id"] = Column.Administration, ["structure"] = Column.Administration,
        ["country"] = Column.Administration, ["country_code"] = Column.Administration, ["pays"] = Column.Administration,
        ["service"] = Column.Service,
        ["position"] = Column.Position, ["fonction"] = Column.Position, ["poste"] = Column.Position,
        ["email"] = Column.Email, ["e_mail"] = Column.Email, ["mail"] = Column.Email, ["courriel"] = Column.Email, ["adresse_e_mail"] = Column.Email,
        ["staff_number"] = Column.StaffNumber, ["matricule"] = Column.StaffNumber, ["n_matricule"] = Column.StaffNumber, ["no_matricule"] = Column.StaffNumber,
    };

    /// <summary>Columns a paper sheet has for the people in the room, not for the registry: left alone, not reported.</summary>
    private static readonly HashSet<string> PaperColumns = new(StringComparer.Ordinal) { "n", "no", "n_o", "numero", "signature", "emargement" };

    private static readonly Dictionary<string, Sex> SexWords = new(StringComparer.Ordinal)
    {
        [""] = Sex.NotRecorded, ["not_recorded"] = Sex.NotRecorded,
        ["f"] = Sex.Female, ["female"] = Sex.Female, ["femme"] = Sex.Female, ["feminin"] = Sex.Female,
        ["m"] = Sex.Male, ["male"] = Sex.Male, ["h"] = Sex.Male, ["homme"] = Sex.Male, ["masculin"] = Sex.Male,
    };

    private static readonly Dictionary<string, Service> ServiceWords = new(StringComparer.Ordinal)
    {
        ["operational"] = Service.Operational, ["operationnel"] = Service.Operational, ["operationnelle"] = Service.Operational,
        ["support"] = Service.Support, ["soutien"] = Service.Support, ["appui"] = Service.Support,
        ["management"] = Service.Management, ["direction"] = Service.Management, ["encadrement"] = Service.Management,
    };

    /// <summary>Attendance marks: P or X present, R late (retard), E excused, A absent, and the words they stand for.</summary>
    private static readonly Dictionary<string, AttendanceStatus> Marks = new(StringComparer.Ordinal)
    {
        ["p"] = AttendanceStatus.Present, ["x"] = AttendanceStatus.Present, ["present"] = AttendanceStatus.Present, ["presente"] = AttendanceStatus.Present,
        ["r"] = AttendanceStatus.Late, ["l"] = AttendanceStatus.Late, ["late"] = AttendanceStatus.Late, ["retard"] = AttendanceStatus.Late, ["en_retard"] = AttendanceStatus.Late,
        ["e"] = AttendanceStatus.Excused, ["excused"] = AttendanceStatus.Excused, ["excuse"] = AttendanceStatus.Excused, ["excusee"] = AttendanceStatus.Excused,
        ["a"] = AttendanceStatus.Absent, ["absent"] = AttendanceStatus.Absent, ["absente"] = AttendanceStatus.Absent,
    };

    private AttendanceSheet(string sha256, string format, string? encoding, IReadOnlyList<Row> rows, IReadOnlyList<DayColumn> days, IReadOnlyList<string> unknownColumns)
    {
        Sha256 = sha256;
        Format = format;
        Encoding = encoding;
        Rows = rows;
        Days = days;
        UnknownColumns = unknownColumns;
    }

    /// <summary>What the audit trail keeps of the sheet: its fingerprint, not the personal data it holds.</summary>
    public string Sha256 { get; }

    /// <summary><c>csv</c> or <c>xlsx</c>.</summary>
    public string Format { get; }

    /// <summary>How a CSV sheet was written: <c>utf-8</c>, <c>utf-8-bom</c> or <c>windows-1252</c>; null for .xlsx.</summary>
    public string? Encoding { get; }

    /// <summary>The rows under the header, blank rows left out.</summary>
    public IReadOnlyList<Row> Rows { get; }

    /// <summary>The columns headed by a day, which hold attendance marks.</summary>
    public IReadOnlyList<DayColumn> Days { get; }

    /// <summary>The headers of columns that are neither a known name nor a day, as written.</summary>
    public IReadOnlyList<string> UnknownColumns { get; }

    /// <summary>One row of the sheet under the header, by column, with its marks by day; <see cref="Line"/> is its row number in the file.</summary>
    public sealed record Row(int Line, IReadOnlyDictionary<Column, string> Values, IReadOnlyDictionary<DateOnly, string> Marks, bool Malformed)
    {
        public string? this[Column column] => Values.TryGetValue(column, out var value) && value.Length > 0 ? value : null;
    }

    /// <param name="Header">The header as written.</param>
    /// <param name="Day">The day it names.</param>
    public sealed record DayColumn(string Header, DateOnly Day);

    /// <summary>
    /// The body of a request: <c>text/csv</c> or .xlsx (else 415), at most <see cref="SheetLimits.MaxBytes"/> (else 413),
    /// a header row naming both name columns and at least one row (else 400), at most <see cref="SheetLimits.MaxRows"/>
    /// rows (else 413). Columns whose header is in <paramref name="ignoredColumns"/> are neither read nor reported.
    /// </summary>
    public static async Task<AttendanceSheet> ReceiveAsync(HttpRequest request, SheetLimits limits, IReadOnlyCollection<string> ignoredColumns, CancellationToken cancellationToken)
    {
        var uploaded = await UploadedSheet.ReceiveAsync(request, limits, cancellationToken);
        var ignored = ignoredColumns.Select(Key).ToHashSet(StringComparer.Ordinal);
        var (headerAt, columns, days, unknown) = FindHeader(uploaded.Lines, ignored);
        var rows = uploaded.RowsUnder(headerAt, limits).Select(line => new Row(line.Number,
                columns.Where(column => column.Key < line.Values.Count).ToDictionary(column => column.Value, column => line.Values[column.Key].Trim()),
                days.Where(day => day.Key < line.Values.Count && line.Values[day.Key].Trim().Length > 0).ToDictionary(day => day.Value.Day, day => line.Values[day.Key].Trim()),
                line.Malformed))
            .ToList();
        return new AttendanceSheet(uploaded.Sha256, uploaded.Format, uploaded.Encoding, rows, [.. days.Values], unknown);
    }

    /// <summary>The header row: the first of the top rows that names both name columns.</summary>
    private static (int At, Dictionary<int, Column> Columns, Dictionary<int, DayColumn> Days, List<string> Unknown) FindHeader(
        IReadOnlyList<UploadedSheet.Line> cells, HashSet<string> ignored)
    {
        var top = cells.Take(HeaderSearchRows).ToList();
        var at = top.FindIndex(row => row.Values.Select(value => Headers.GetValueOrDefault(Key(value), (Column)(-1))).Intersect([Column.FamilyName, Column.GivenNames]).Count() == 2);
        var header = at >= 0 ? top[at].Values : top.FirstOrDefault(row => !row.Values.All(string.IsNullOrWhiteSpace))?.Values ?? [];
        var columns = new Dictionary<int, Column>();
        var days = new Dictionary<int, DayColumn>();
        var unknown = new List<string>();
        var failures = new List<ValidationFailure>();
        for (var i = 0; i < header.Count; i++)
        {
            var key = Key(header[i]);
            if (key.Length == 0 || ignored.Contains(key) || PaperColumns.Contains(key)) continue;
            if (Headers.TryGetValue(key, out var column))
            {
                if (columns.ContainsValue(column))
                    failures.Add(new ValidationFailure("sheet", Messages.SheetTwoColumns.With(Describe(column))));
                columns[i] = column;
            }
            else if (TryReadDay(header[i], out var day)) days[i] = new DayColumn(header[i].Trim(), day);
            else unknown.Add(header[i].Trim());
        }
        foreach (var required in new[] { Column.FamilyName, Column.GivenNames }.Where(required => !columns.ContainsValue(required)))
            failures.Add(new ValidationFailure("sheet", Messages.SheetNoColumn.With(Describe(required), string.Join(" | ", header))));
        if (failures.Count > 0) throw new ValidationException(failures);
        return (at, columns, days, unknown);
    }

    private static bool TryReadDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text.Trim(), DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>The sheet's sex column: F, M, female, male, femme, homme (or H), féminin, masculin, or blank for not_recorded.</summary>
    public static bool TryReadSex(string? text, out Sex sex) => SexWords.TryGetValue(Key(text ?? ""), out sex);

    /// <summary>The sheet's service column, in English or French: operational (opérationnel), support (soutien, appui), management (direction, encadrement).</summary>
    public static bool TryReadService(string text, out Service service) => ServiceWords.TryGetValue(Key(text), out service);

    /// <summary>An attendance mark: P or X present, R late, E excused, A absent (or the word).</summary>
    public static bool TryReadMark(string text, out AttendanceStatus status) => Marks.TryGetValue(Key(text), out status);

    private static string Key(string text) => UploadedSheet.Key(text);

    private static string Describe(Column column) =>
        string.Join(" / ", Headers.Where(header => header.Value == column).Select(header => header.Key).Take(2).Select(name => $"'{name}'"));
}
