using System.Text.Json.Serialization;
using Dapper;
using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Results;

/// <summary>
/// Everything entered for an indicator in one reporting period, replacing what was: the target and actual, their
/// comments, and their breakdowns. A computed indicator takes targets only. Changes to a bucket of an administration
/// whose report for the period is submitted or approved are refused; so are changes to the programme-wide values
/// (totals, and breakdowns not by administration) once every administration's report is.
/// </summary>
/// <param name="Target">The target for the period; none for a qualitative indicator (use targetComment).</param>
/// <param name="Actual">The actual for the period; none for a computed or qualitative indicator.</param>
/// <param name="TargetComment">What the target means, or the target itself for a qualitative indicator.</param>
/// <param name="ActualComment">What the actual means, or the actual itself for a qualitative indicator.</param>
/// <param name="Disaggregations">The values by bucket, each bucket once, by the indicator's disaggregations only.</param>
public sealed record RecordIndicatorValues(decimal? Target = null, decimal? Actual = null, string? TargetComment = null, string? ActualComment = null,
    IReadOnlyList<DisaggregatedValue>? Disaggregations = null) : ICommand<ValuesRecorded>, IProgrammeCommand
{
    [JsonIgnore] public Guid ProgrammeId { get; init; }
    [JsonIgnore] public Guid IndicatorId { get; init; }
    [JsonIgnore] public Guid PeriodId { get; init; }
    /// <summary>The version in If-Match; none (null) records the period's first values.</summary>
    [JsonIgnore] public int? ExpectedVersion { get; init; }
}

/// <summary>The values recorded, their new version, and whether they were the period's first.</summary>
public sealed record ValuesRecorded(Guid Id, int Version, bool IsNew) : ICreatesRecord;

public sealed class RecordIndicatorValuesValidator : AbstractValidator<RecordIndicatorValues>
{
    public const int MaxDisaggregations = 300;

    public RecordIndicatorValuesValidator()
    {
        RuleFor(x => x.Target).PrecisionScale(18, 4, ignoreTrailingZeros: true);
        RuleFor(x => x.Actual).PrecisionScale(18, 4, ignoreTrailingZeros: true);
        RuleFor(x => x.TargetComment).MaximumLength(4000);
        RuleFor(x => x.ActualComment).MaximumLength(4000);
        RuleFor(x => x.Disaggregations).MaximumCount(MaxDisaggregations)
            .WithMessage(_ => Messages.AtMostBuckets.With(MaxDisaggregations));
        // Every bucket gets its errors, not only the first one in error.
        RuleForEach(x => x.Disaggregations).Cascade(CascadeMode.Continue)
            .Must(row => row.Key != Bucket.Total).WithMessage(_ => Messages.NameTheBucket)
            .Must(row => row.Target is not null || row.Actual is not null).WithMessage(_ => Messages.BucketNeedsValue)
            .ChildRules(row =>
            {
                row.RuleFor(x => x.Sex).IsChoice();
                row.RuleFor(x => x.KeyFactorCode).Matches("^RAD-(0[1-9]|10)$").WithMessage(_ => Messages.KeyFactorCodes);
                row.RuleFor(x => x.Target).PrecisionScale(18, 4, ignoreTrailingZeros: true);
                row.RuleFor(x => x.Actual).PrecisionScale(18, 4, ignoreTrailingZeros: true);
            });
    }
}

/// <summary>Administrators, and coordinators whose scope covers the programme (and, for a bucket of an administration, that administration).</summary>
public sealed class RecordIndicatorValuesAccess(DbSession db) : ProgrammeCoordinators<RecordIndicatorValues>(db);

public sealed class RecordIndicatorValuesHandler(DbSession db, Caller caller) : ICommandHandler<RecordIndicatorValues, ValuesRecorded>
{
    private const string Covered = "SELECT administration_id FROM programme_administrations WHERE programme_id = @programmeId";
    private const string Stored = $"SELECT {StoredValues.Columns} FROM indicator_values v WHERE v.indicator_id = @indicatorId AND v.period_id = @periodId";
    private const string StoredBreakdowns = $"SELECT {StoredBucket.Columns} FROM indicator_value_breakdowns b WHERE b.value_id = @id";
    private const string InScope = "SELECT id FROM administrations WHERE {0}";
    private static readonly string[] Columns = ["id", "indicator_id", "period_id", "target", "actual", "target_comment", "actual_comment", "version"];
    private static readonly string[] Key = ["indicator_id", "period_id"];
    private const string Update = """
        UPDATE indicator_values SET target = @target, actual = @actual, target_comment = @target_comment, actual_comment = @actual_comment,
               version = version + 1
        WHERE id = @id AND version = @expectedVersion
        """;
    private const string Clear = "DELETE FROM indicator_value_breakdowns WHERE value_id = @valueId";
    private const string AddBreakdown = """
        INSERT INTO indicator_value_breakdowns (value_id, position, sex, administration_id, key_factor_code, target, actual)
        VALUES (@valueId, @position, @sex, @administrationId, @keyFactorCode, @target, @actual)
        """;

    public async ValueTask<ValuesRecorded> Handle(RecordIndicatorValues command, CancellationToken cancellationToken)
    {
        var indicator = await IndicatorDetails.OfProgrammeAsync(db, caller, command.ProgrammeId, command.IndicatorId, cancellationToken);
        var ids = new { programmeId = command.ProgrammeId, indicatorId = command.IndicatorId, periodId = command.PeriodId };
        var period = await db.QuerySingleOrDefaultAsync<Period>(IndicatorValues.PeriodOf, ids, cancellationToken)
                     ?? throw new NotFoundException(Messages.RecordPeriodOfProgramme, command.PeriodId);
        var covered = await db.QueryAsync<Guid>(Covered, ids, cancellationToken);
        if (IndicatorValueChecks.Failures(indicator, command, covered) is { Count: > 0 } failures) throw new ValidationException(failures);

        var stored = await db.QuerySingleOrDefaultAsync<StoredValues>(Stored, ids, cancellationToken);
        if (stored is null && command.ExpectedVersion is not null) throw new NoValuesYetException();
        if (stored is not null && command.ExpectedVersion is null) throw new ValuesExistException();
        if (stored is not null && stored.Version != command.ExpectedVersion) throw new PreconditionFailedException(Messages.RecordValues, stored.Version);
        var before = stored is null ? [] : (await db.QueryAsync<StoredBucket>(StoredBreakdowns, new { id = stored.Id }, cancellationToken)).Select(row => row.ToValue());
        var changed = EntriesOf(stored?.Target, stored?.Actual, stored?.TargetComment, stored?.ActualComment, before)
            .Changes(EntriesOf(command.Target, command.Actual, command.TargetComment, command.ActualComment, command.Disaggregations ?? []));
        await RefuseOutOfScopeAsync(changed, cancellationToken);
        RefuseLocked(changed, period, covered, await ReportingPeriodLocks.OfPeriodAsync(db, period.Id, cancellationToken));

        var recorded = stored is null ? await InsertAsync(command, cancellationToken) : await UpdateAsync(command, stored.Id, cancellationToken);
        await db.ExecuteAsync(Clear, new { valueId = recorded.Id }, cancellationToken);
        await db.ExecuteAsync(AddBreakdown, (command.Disaggregations ?? []).Select((row, position) => new
        {
            valueId = recorded.Id,
            position,
            sex = row.Sex is { } sex ? DbEnum.Name(sex) : null,
            administrationId = row.AdministrationId,
            keyFactorCode = row.KeyFactorCode,
            target = row.Target,
            actual = row.Actual,
        }).ToList(), cancellationToken);
        return recorded;
    }

    private static Entries EntriesOf(decimal? target, decimal? actual, string? targetComment, string? actualComment, IEnumerable<DisaggregatedValue> rows)
    {
        var entries = rows.ToDictionary(row => row.Key, row => new Entry(row.Target, row.Actual, null, null));
        entries[Bucket.Total] = new Entry(target, actual, targetComment, actualComment);
        return new Entries(entries);
    }

    /// <summary>A coordinator changes the buckets of the administrations in its scope only.</summary>
    private async Task RefuseOutOfScopeAsync(IReadOnlyList<Bucket> changed, CancellationToken cancellationToken)
    {
        var touched = changed.Select(bucket => bucket.AdministrationId).OfType<Guid>().Distinct().ToList();
        if (caller.IsAdministrator || touched.Count == 0) return;
        var inScope = await db.QueryAsync<Guid>($"{string.Format(InScope, db.Dialect.InIds("id", "ids"))}{Scope.And(Scope.Administrations(caller, "id"))}",
            Scope.Parameters(caller, new { ids = db.Dialect.Ids(touched) }), cancellationToken);
        var outside = touched.Except(inScope).ToList();
        if (outside.Count > 0) throw new ValuesOutOfScopeException(outside[0]);
    }

    private static void RefuseLocked(IReadOnlyList<Bucket> changed, Period period, IReadOnlyList<Guid> covered, IReadOnlyList<ReportingPeriodLock> locks)
    {
        foreach (var administrationId in changed.Select(bucket => bucket.AdministrationId).OfType<Guid>())
            if (locks.FirstOrDefault(held => held.AdministrationId == administrationId) is { } held)
                throw new ReportingPeriodLockedException(held, Messages.LockedIndicatorValues);
        var programmeWide = changed.Any(bucket => bucket.AdministrationId is null);
        if (programmeWide && covered.Count > 0 && covered.All(administrationId => locks.Any(held => held.AdministrationId == administrationId)))
            throw new ConflictException(Messages.AllReportsLocked.With(period.Label, period.StartsOn, period.EndsOn));
    }

    private async Task<ValuesRecorded> InsertAsync(RecordIndicatorValues command, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var row = Row(id, command);
        row.Add("indicator_id", command.IndicatorId);
        row.Add("period_id", command.PeriodId);
        row.Add("version", 1);
        if (await db.ExecuteAsync(db.Dialect.InsertIfAbsent("indicator_values", Columns, Key), row, cancellationToken) == 0)
            throw new ConflictException(Messages.ValuesRace);
        return new ValuesRecorded(id, 1, IsNew: true);
    }

    private async Task<ValuesRecorded> UpdateAsync(RecordIndicatorValues command, Guid id, CancellationToken cancellationToken)
    {
        var row = Row(id, command);
        row.Add("expectedVersion", command.ExpectedVersion);
        var changed = await db.ExecuteAsync(Update, row, cancellationToken);
        return new ValuesRecorded(id, await db.NextVersionAsync(changed, "indicator_values", Messages.RecordValues, id, command.ExpectedVersion!.Value, cancellationToken), IsNew: false);
    }

    /// <summary>Named like the columns, as <see cref="SqlDialect.InsertIfAbsent"/> wants them.</summary>
    private static DynamicParameters Row(Guid id, RecordIndicatorValues command) => new(new Dictionary<string, object?>
    {
        ["id"] = id,
        ["target"] = command.Target,
        ["actual"] = command.Actual,
        ["target_comment"] = command.TargetComment,
        ["actual_comment"] = command.ActualComment,
    });

    /// <summary>A bucket's values as entered, to tell what a new set of values changes.</summary>
    private readonly record struct Entry(decimal? Target, decimal? Actual, string? TargetComment, string? ActualComment);

    private sealed record Entries(Dictionary<Bucket, Entry> ByBucket)
    {
        /// <summary>The buckets whose values differ, one being absent counting as empty.</summary>
        public IReadOnlyList<Bucket> Changes(Entries after) =>
            ByBucket.Keys.Union(after.ByBucket.Keys).Where(bucket => ByBucket.GetValueOrDefault(bucket) != after.ByBucket.GetValueOrDefault(bucket)).ToList();
    }
}

public sealed class NoValuesYetException() : ProblemException(StatusCodes.Status412PreconditionFailed, Messages.TitleVersionMismatch, Messages.NoValuesYet);

/// <summary>Also what a retried first recording gets, once the first one went through.</summary>
public sealed class ValuesExistException() : ProblemException(StatusCodes.Status428PreconditionRequired, Messages.TitleIfMatchRequired, Messages.ValuesExist);

public sealed class ValuesOutOfScopeException(Guid administrationId) : ProblemException(StatusCodes.Status403Forbidden, Messages.TitleForbidden, Messages.ValuesOutOfScope.With(administrationId));
