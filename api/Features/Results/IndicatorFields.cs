using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Results;

/// <summary>What defining and updating an indicator both send.</summary>
public interface IIndicatorFields
{
    string Code { get; }
    string TitleEn { get; }
    string TitleFr { get; }
    string Unit { get; }
    IndicatorMeasure? Measure { get; }
    bool? Ascending { get; }
    IReadOnlyList<Disaggregation>? Disaggregations { get; }
    IndicatorRule? ComputedBy { get; }
}

public class IndicatorFieldsValidator<T> : AbstractValidator<T> where T : IIndicatorFields
{
    public IndicatorFieldsValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(40).Matches("^[A-Za-z0-9_.-]+$")
            .WithMessage(_ => Messages.CodeLike.With("1.2 or OUT-1"));
        RuleFor(x => x.TitleEn).NotEmpty().MaximumLength(300);
        RuleFor(x => x.TitleFr).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Unit).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Measure).NotNull().IsChoice();
        RuleFor(x => x.Ascending).NotNull();
        RuleForEach(x => x.Disaggregations).IsInEnum().WithMessage(_ => Messages.ChooseAnyOf.With(DbEnum.Names<Disaggregation>()));
        RuleFor(x => x.Disaggregations).Must(list => list!.Distinct().Count() == list!.Count).When(x => x.Disaggregations is not null)
            .WithMessage(_ => Messages.DisaggregationTwice)
            .Empty().When(x => x.Measure == IndicatorMeasure.Qualitative, ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => Messages.QualitativeNoBreakdown);
        RuleFor(x => x.ComputedBy).IsInEnum().WithMessage(_ => Messages.ChooseRule.With(DbEnum.Names<IndicatorRule>()));
        When(x => x.ComputedBy is not null && Enum.IsDefined(x.ComputedBy.Value), () =>
        {
            RuleFor(x => x.Measure).Equal(x => ComputedRule.For(x.ComputedBy!.Value).Measure)
                .WithMessage(x => Messages.RuleMeasures.With(DbEnum.Name(x.ComputedBy!.Value), DbEnum.Name(ComputedRule.For(x.ComputedBy!.Value).Measure)));
            RuleForEach(x => x.Disaggregations).Must((x, dimension) => ComputedRule.For(x.ComputedBy!.Value).Dimensions.Contains(dimension))
                .WithMessage((x, dimension) => Messages.RuleCannotBreakDown.With(DbEnum.Name(x.ComputedBy!.Value), DbEnum.Name(dimension),
                    string.Join(", ", ComputedRule.For(x.ComputedBy!.Value).Dimensions.Select(DbEnum.Name))));
        });
    }
}

/// <summary>What defining and updating an indicator both do: check its programme and code, and record its disaggregations.</summary>
internal static class IndicatorWrites
{
    private const string Programme = "SELECT id FROM programmes WHERE id = @programmeId";
    private const string HolderOfCode = "SELECT id FROM indicators WHERE programme_id = @programmeId AND code = @code";
    private const string Disaggregate = "INSERT INTO indicator_disaggregations (indicator_id, dimension) VALUES (@indicatorId, @dimension)";
    private const string Undisaggregate = "DELETE FROM indicator_disaggregations WHERE indicator_id = @indicatorId";

    public static async Task CheckAsync(DbSession db, Guid programmeId, IIndicatorFields indicator, Guid? except, CancellationToken cancellationToken)
    {
        if (await db.QuerySingleOrDefaultAsync<Guid?>(Programme, new { programmeId }, cancellationToken) is null)
            throw new NotFoundException(Messages.RecordProgramme, programmeId);
        await db.RefuseDuplicateAsync(HolderOfCode, new { programmeId, code = indicator.Code }, except,
            Messages.IndicatorCodeTaken.With(indicator.Code), cancellationToken);
    }

    /// <summary>The parameters of the indicators row, and the version an update expects.</summary>
    public static object Row(Guid id, Guid programmeId, IIndicatorFields indicator, int? expectedVersion = null) => new
    {
        id,
        programmeId,
        code = indicator.Code,
        titleEn = indicator.TitleEn.Trim(),
        titleFr = indicator.TitleFr.Trim(),
        unit = indicator.Unit.Trim(),
        measure = DbEnum.Name(indicator.Measure!.Value),
        ascending = indicator.Ascending!.Value,
        computedBy = indicator.ComputedBy is { } rule ? DbEnum.Name(rule) : null,
        expectedVersion,
    };

    /// <summary>Replaces the indicator's disaggregations with those given.</summary>
    public static async Task DisaggregateAsync(DbSession db, Guid indicatorId, IIndicatorFields indicator, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(Undisaggregate, new { indicatorId }, cancellationToken);
        await db.ExecuteAsync(Disaggregate, (indicator.Disaggregations ?? [])
            .Select(dimension => new { indicatorId, dimension = DbEnum.Name(dimension) }).ToList(), cancellationToken);
    }
}
