using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Mediator;
using Required = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace Integrity.Api.Features.Results;

/// <summary>An indicator of a programme's results framework, entered by hand or computed from the records by a named rule.</summary>
/// <param name="Code">Unique within the programme, e.g. <c>1.2</c> or <c>OUT-1</c>.</param>
/// <param name="TitleEn">E.g. <c>Customs officials trained in integrity, by sex</c>.</param>
/// <param name="TitleFr">E.g. <c>Fonctionnaires des douanes formés à l'éthique, par sexe</c>.</param>
/// <param name="Unit">What is counted or measured, e.g. <c>officials</c>, <c>hours</c>, <c>%</c>.</param>
/// <param name="Measure">unit, percentage, nominal, ordinal or qualitative (IATI IndicatorMeasure 1 to 5).</param>
/// <param name="Ascending">true when a higher value is better.</param>
/// <param name="Disaggregations">What its values are broken down by: any of sex, administration, key_factor.</param>
/// <param name="ComputedBy">The rule that computes its actuals, or none for an indicator entered by hand.</param>
public sealed record DefineIndicator(
    string Code, string TitleEn, string TitleFr, string Unit, [property: Required] IndicatorMeasure? Measure, [property: Required] bool? Ascending,
    IReadOnlyList<Disaggregation>? Disaggregations = null, IndicatorRule? ComputedBy = null)
    : ICommand<RecordCreated>, IIndicatorFields, IProgrammeCommand
{
    [JsonIgnore] public Guid ProgrammeId { get; init; }
}

public sealed class DefineIndicatorValidator : IndicatorFieldsValidator<DefineIndicator>;

/// <summary>Administrators, and coordinators whose scope covers the programme.</summary>
public sealed class DefineIndicatorAccess(DbSession db) : ProgrammeCoordinators<DefineIndicator>(db);

public sealed class DefineIndicatorHandler(DbSession db) : ICommandHandler<DefineIndicator, RecordCreated>
{
    private const string Insert = """
        INSERT INTO indicators (id, programme_id, code, title_en, title_fr, unit, measure, ascending, computed_by, version)
        VALUES (@id, @programmeId, @code, @titleEn, @titleFr, @unit, @measure, @ascending, @computedBy, 1)
        """;

    public async ValueTask<RecordCreated> Handle(DefineIndicator command, CancellationToken cancellationToken)
    {
        await IndicatorWrites.CheckAsync(db, command.ProgrammeId, command, except: null, cancellationToken);
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, IndicatorWrites.Row(id, command.ProgrammeId, command), cancellationToken);
        await IndicatorWrites.DisaggregateAsync(db, id, command, cancellationToken);
        return new RecordCreated(id, 1);
    }
}
