using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;
using Required = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace Integrity.Api.Features.Results;

/// <summary>
/// New values for every field of an indicator; its disaggregations are replaced. Once values are recorded for it,
/// its measure and rule stay as they are, and a disaggregation its values use stays too.
/// </summary>
public sealed record UpdateIndicator(
    string Code, string TitleEn, string TitleFr, string Unit, [property: Required] IndicatorMeasure? Measure, [property: Required] bool? Ascending,
    IReadOnlyList<Disaggregation>? Disaggregations = null, IndicatorRule? ComputedBy = null)
    : ICommand<int>, IIndicatorFields, IProgrammeCommand, IChangesRecord
{
    [JsonIgnore] public Guid ProgrammeId { get; init; }
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }
}

public sealed class UpdateIndicatorValidator : IndicatorFieldsValidator<UpdateIndicator>;

/// <summary>Administrators, and coordinators whose scope covers the programme.</summary>
public sealed class UpdateIndicatorAccess(DbSession db) : ProgrammeCoordinators<UpdateIndicator>(db);

public sealed class UpdateIndicatorHandler(DbSession db) : ICommandHandler<UpdateIndicator, int>
{
    private static readonly string Current =
        $"SELECT {DbEnum.Column("measure", "measure")}, computed_by FROM indicators WHERE id = @id AND programme_id = @programmeId";

    // What the recorded values hold: how many periods have values, and how many breakdown rows use each dimension.
    private const string Recorded = """
        SELECT count(DISTINCT v.id) AS periods, count(b.sex) AS sex, count(b.administration_id) AS administration,
               count(b.key_factor_code) AS key_factor
        FROM indicator_values v LEFT JOIN indicator_value_breakdowns b ON b.value_id = v.id
        WHERE v.indicator_id = @id
        """;

    private const string Update = """
        UPDATE indicators SET code = @code, title_en = @titleEn, title_fr = @titleFr, unit = @unit, measure = @measure,
               ascending = @ascending, computed_by = @computedBy, version = version + 1
        WHERE id = @id AND version = @expectedVersion
        """;

    public async ValueTask<int> Handle(UpdateIndicator command, CancellationToken cancellationToken)
    {
        await IndicatorWrites.CheckAsync(db, command.ProgrammeId, command, except: command.Id, cancellationToken);
        var current = await db.QuerySingleOrDefaultAsync<StoredIndicator>(Current, new { id = command.Id, programmeId = command.ProgrammeId }, cancellationToken)
                      ?? throw new NotFoundException(Messages.RecordIndicatorOfProgramme, command.Id);
        var recorded = (await db.QueryAsync<RecordedValues>(Recorded, new { id = command.Id }, cancellationToken))[0];
        if (recorded.Periods > 0 && (current.Measure != command.Measure || current.ComputedBy != (command.ComputedBy is { } rule ? DbEnum.Name(rule) : null)))
            throw new ConflictException(Messages.MeasureFixed.With(recorded.Periods));
        var dropped = recorded.InUse().Except(command.Disaggregations ?? []).ToList();
        if (dropped.Count > 0)
            throw new ConflictException(Messages.DisaggregationInUse.With(string.Join(", ", dropped.Select(DbEnum.Name))));

        var changed = await db.ExecuteAsync(Update, IndicatorWrites.Row(command.Id, command.ProgrammeId, command, command.ExpectedVersion), cancellationToken);
        var version = await db.NextVersionAsync(changed, "indicators", Messages.RecordIndicator, command.Id, command.ExpectedVersion, cancellationToken);
        await IndicatorWrites.DisaggregateAsync(db, command.Id, command, cancellationToken);
        return version;
    }

    private sealed record StoredIndicator
    {
        public required IndicatorMeasure Measure { get; init; }
        public string? ComputedBy { get; init; }
    }

    private sealed record RecordedValues
    {
        public long Periods { get; init; }
        public long Sex { get; init; }
        public long Administration { get; init; }
        public long KeyFactor { get; init; }

        public IEnumerable<Disaggregation> InUse()
        {
            if (Sex > 0) yield return Disaggregation.Sex;
            if (Administration > 0) yield return Disaggregation.Administration;
            if (KeyFactor > 0) yield return Disaggregation.KeyFactor;
        }
    }
}
