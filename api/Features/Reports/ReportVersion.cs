using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Mediator;
using Microsoft.Net.Http.Headers;

namespace Integrity.Api.Features.Reports;

/// <summary>
/// Which version of a programme's report or IATI file a request would get, told without making it, so that a script
/// polling daily is answered 304 for a few small queries rather than the whole report. A version is what the approved
/// report is made of: the approvals' snapshots of the periods it covers (their hashes and times), the reports' states,
/// the programme, its donors, every administration, indicators and periods, each by its record
/// version; the settings the report follows (the small-count threshold, the IATI publisher); the build of the API; and
/// the request's <see cref="Representation"/>. A preview (the live records) has none: the live records change with every
/// attendance taken, and hashing them would cost what the report costs.
/// </summary>
/// <param name="GroupBy">The progress report's grouping, checked as the report checks it; null for the IATI file.</param>
/// <param name="UseCase">The report's use case, <c>GetProgressReport</c> or <c>ExportIati</c>.</param>
/// <param name="Exact">
/// Whether the same version is always the same bytes (JSON, CSV): a strong ETag. A workbook, a PDF or an IATI file records
/// when it was made, so the same content made twice differs in that stamp: a weak ETag (<c>W/"…"</c>), which If-None-Match
/// matches all the same.
/// </param>
public sealed record GetReportVersion(Guid ProgrammeId, DateOnly? From, DateOnly? To, string? GroupBy, string UseCase, string Representation,
    bool Exact, string Vary) : IQuery<ReportVersion>, IReportShape
{
    /// <summary>Whether the answer tells the state of things today (the IATI file's activity status and actual dates): a new day, a new version.</summary>
    public bool Dated { get; init; }

    /// <summary>
    /// The version of <paramref name="useCase"/>'s answer to the request. Its representation is what the request asks beyond
    /// the data: its query parameters in order and, where the answer follows the reader (<paramref name="byReader"/>: the
    /// format negotiated from Accept, the labels' language from Accept-Language), the format and the language.
    /// </summary>
    public static GetReportVersion For(HttpRequest request, string useCase, Guid programmeId, DateOnly? from, DateOnly? to, string? groupBy,
        bool exact, string? byReader)
    {
        var representation = string.Join("\n", new[] { byReader is null ? "" : $"{byReader} {CultureInfo.CurrentUICulture.Name}" }
            .Concat(request.Query.OrderBy(parameter => parameter.Key, StringComparer.Ordinal)
                .Select(parameter => $"{parameter.Key}={string.Join(",", parameter.Value.ToArray())}")));
        return new GetReportVersion(programmeId, from, to, groupBy, useCase, representation, exact,
            byReader is null ? "Authorization, Cookie" : "Accept, Accept-Language, Authorization, Cookie");
    }
}

/// <summary>Bad input is refused before any version is told, as the report refuses it: never a 304 to a request the report would refuse.</summary>
public sealed class GetReportVersionValidator : ReportShapeValidator<GetReportVersion>;

/// <summary>A report's version: its ETag, and when the last approval or report change it is made of happened.</summary>
public sealed record ReportVersion(string ETag, DateTimeOffset? LastModified, string Vary)
{
    /// <summary>What the endpoints' OpenAPI descriptions say about it.</summary>
    public const string Described =
        "Conditional requests: an answer carries an `ETag` and a `Last-Modified` (the latest approval, submission or return of " +
        "a report it covers), `Cache-Control: private, no-cache` and `Vary`; send the ETag back in `If-None-Match` and, while " +
        "nothing the answer is made of has changed (an approval's snapshot, a report's state, the programme, its donors, " +
        "administrations, indicators or periods, the format, the language, donor or staff), the answer is 304 with no body, " +
        "cheap for the server. The ETag is strong for JSON and CSV (the same bytes every time) and weak (`W/\"…\"`) for files " +
        "that record when they were made (workbook, PDF, IATI file). Only `If-None-Match` is compared, not `If-Modified-Since`. " +
        "A preview (`includeUnapproved=true`) is made from the live records: it has no ETag, is `no-store`, and is never a 304.\n\n";

    /// <summary>
    /// The version of the report the request asks for, or null for a preview. Asked before the report and answered the
    /// same 403 and 404: a record that changes in between makes the report newer than its ETag, never older, so the next
    /// request fetches it again rather than keeping a stale one.
    /// </summary>
    public static async Task<ReportVersion?> OfAsync(ISender sender, bool preview, GetReportVersion query, CancellationToken ct) =>
        preview ? null : await sender.Send(query, ct);

    /// <summary>304 with this version's headers when If-None-Match names it (or is <c>*</c>); null otherwise.</summary>
    public IResult? NotModified(HttpRequest request, HttpResponse response)
    {
        if (!EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
            || !tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(EntityTagHeaderValue.Parse(ETag), useStrongComparison: false)))
            return null;
        Tell(response);
        return TypedResults.StatusCode(StatusCodes.Status304NotModified);
    }

    /// <summary>Sets ETag, Last-Modified and the caching headers on the answer.</summary>
    public void Tell(HttpResponse response)
    {
        var headers = response.GetTypedHeaders();
        response.Headers.ETag = ETag;
        headers.LastModified = LastModified;
        // Private: the answer is the caller's (a donor's figures are suppressed, staff's are not). No-cache: reuse it only once revalidated.
        response.Headers.CacheControl = "private, no-cache";
        response.Headers.Vary = Vary;
    }
}

public sealed class GetReportVersionHandler(ReportSessions sessions, Caller caller, IConfiguration configuration, TimeProvider clock) : IQueryHandler<GetReportVersion, ReportVersion>
{
    // Each record the report names, with its version: a change to any of them is a change of version. Every administration
    // counts, not only those the snapshots name: finding those would read every figure, and the table is small; a change
    // to one the report does not name costs a donor one full answer, never a stale one.
    private const string Records = """
        SELECT 'programme' AS kind, p.id, p.version FROM programmes p WHERE p.id = @programmeId
        UNION ALL
        SELECT 'donor', d.id, d.version FROM programme_donors pd JOIN donors d ON d.id = pd.donor_id WHERE pd.programme_id = @programmeId
        UNION ALL
        SELECT 'indicator', i.id, i.version FROM indicators i WHERE i.programme_id = @programmeId
        UNION ALL
        SELECT 'named', a.id, a.version FROM administrations a
        UNION ALL
        SELECT 'covered', a.id, a.version FROM programme_administrations pa JOIN administrations a ON a.id = pa.administration_id
        WHERE pa.programme_id = @programmeId
        """;

    // The periods covered, each administration's report of them and its approval's snapshot.
    private const string Periods = """
        SELECT rp.id AS period_id, rp.version AS period_version, r.id AS report_id, r.state, r.version AS report_version,
               r.submitted_at, r.returned_at, r.approved_at, s.hash, s.taken_at
        FROM reporting_periods rp
        LEFT JOIN period_reports r ON r.period_id = rp.id
        LEFT JOIN approval_snapshots s ON s.report_id = r.id
        WHERE rp.programme_id = @programmeId
        """;

    /// <summary>Changes with every build of the API: a new version may write the same records differently.</summary>
    private static readonly string Build = typeof(GetReportVersionHandler).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public async ValueTask<ReportVersion> Handle(GetReportVersion query, CancellationToken cancellationToken)
    {
        ReportReaders.Check(caller, false, query.UseCase);
        // Where the report it versions is read, so that the ETag and the body tell the same state.
        var db = sessions.For(preview: false);
        // Nullable, so that no row reads as null (a 404), not as an empty id.
        await ReportReaders.ProgrammeAsync<Guid?>(db, caller, "SELECT p.id FROM programmes p WHERE p.id = @programmeId", query.ProgrammeId, cancellationToken);
        var parameters = new { programmeId = query.ProgrammeId, from = query.From, to = query.To };
        // A coordinator's IATI file holds the administrations in their scope: those are what it is made of.
        var records = await db.QueryAsync<VersionedRecord>($"{Records}{Scope.And(Scope.Administrations(caller, "a.id"))}",
            Scope.Parameters(caller, parameters), cancellationToken);
        var periods = await db.QueryAsync<PeriodState>(Periods + GetProgressReportHandler.Overlapping(query.From, query.To), parameters, cancellationToken);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string line) => hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
        Add(query.UseCase);
        Add(query.Representation);
        if (query.Dated) Add(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("O", CultureInfo.InvariantCulture));
        var smallCounts = SmallCounts.From(configuration);
        Add($"{Build} {caller.Role} {smallCounts.MinimumCellSize} {smallCounts.MinimumAdministrations} {JsonSerializer.Serialize(IatiPublisher.From(configuration))}");
        foreach (var record in records.Select(record => $"{record.Kind} {record.Id:N} {record.Version}").Order(StringComparer.Ordinal)) Add(record);
        foreach (var period in periods.Select(period => period.Line).Order(StringComparer.Ordinal)) Add(period);

        var tag = Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16));
        var lastModified = periods.SelectMany(period => new[] { period.SubmittedAt, period.ReturnedAt, period.ApprovedAt, period.TakenAt })
            .OfType<DateTimeOffset>().Select(at => (DateTimeOffset?)at).Max();
        return new ReportVersion(query.Exact ? $"\"{tag}\"" : $"W/\"{tag}\"", lastModified, query.Vary);
    }

    private sealed record VersionedRecord
    {
        public required string Kind { get; init; }
        public required Guid Id { get; init; }
        public required int Version { get; init; }
    }

    private sealed record PeriodState
    {
        public required Guid PeriodId { get; init; }
        public required int PeriodVersion { get; init; }
        public Guid? ReportId { get; init; }
        public string? State { get; init; }
        public int? ReportVersion { get; init; }
        public DateTimeOffset? SubmittedAt { get; init; }
        public DateTimeOffset? ReturnedAt { get; init; }
        public DateTimeOffset? ApprovedAt { get; init; }
        public string? Hash { get; init; }
        public DateTimeOffset? TakenAt { get; init; }

        public string Line => $"{PeriodId:N} {PeriodVersion} {ReportId:N} {State} {ReportVersion} {Hash} {TakenAt?.ToUnixTimeMilliseconds()}";
    }
}
