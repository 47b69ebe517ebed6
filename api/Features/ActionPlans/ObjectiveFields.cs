using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.ActionPlans;

/// <summary>What adding and updating an objective both send.</summary>
public interface IObjectiveFields
{
    string Title { get; }
    IReadOnlyList<string> KeyFactorCodes { get; }
    string OutcomeIndicator { get; }
    string? Baseline { get; }
    string Target { get; }
}

public class ObjectiveFieldsValidator<T> : AbstractValidator<T> where T : IObjectiveFields
{
    public ObjectiveFieldsValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(300);
        RuleFor(x => x.KeyFactorCodes).NotEmpty().WithMessage(_ => Messages.AtLeastOneKeyFactorOfObjective)
            .Must(codes => codes.Distinct().Count() == codes.Count).WithMessage(_ => Messages.KeyFactorTwice);
        RuleForEach(x => x.KeyFactorCodes).Matches("^RAD-(0[1-9]|10)$").WithMessage(_ => Messages.KeyFactorCodes);
        RuleFor(x => x.OutcomeIndicator).NotEmpty().MaximumLength(1000);
        RuleFor(x => x.Baseline).MaximumLength(300);
        RuleFor(x => x.Target).NotEmpty().MaximumLength(300);
    }
}

/// <summary>What adding and updating an objective both record.</summary>
internal static class ObjectiveWrites
{
    private const string Link = "INSERT INTO objective_key_factors (objective_id, key_factor_code) VALUES (@objectiveId, @code)";
    private const string Unlink = "DELETE FROM objective_key_factors WHERE objective_id = @objectiveId";

    /// <summary>The objectives row's own fields, with <paramref name="more"/> (keys, version) added.</summary>
    public static Dapper.DynamicParameters Row(Guid id, IObjectiveFields objective, object more)
    {
        var row = new Dapper.DynamicParameters(more);
        row.AddDynamicParams(new
        {
            id,
            title = objective.Title.Trim(),
            outcomeIndicator = objective.OutcomeIndicator.Trim(),
            baseline = string.IsNullOrWhiteSpace(objective.Baseline) ? null : objective.Baseline.Trim(),
            target = objective.Target.Trim(),
        });
        return row;
    }

    public static Task LinkAsync(DbSession db, Guid objectiveId, IObjectiveFields objective, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Link, objective.KeyFactorCodes.Select(code => new { objectiveId, code }).ToList(), cancellationToken);

    public static Task UnlinkAsync(DbSession db, Guid objectiveId, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Unlink, new { objectiveId }, cancellationToken);
}
