using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Modules;

/// <summary>What registering and updating a module both send.</summary>
public interface IModuleFields
{
    string Code { get; }
    string TitleEn { get; }
    string TitleFr { get; }
    decimal? Hours { get; }
    IReadOnlyList<string> KeyFactorCodes { get; }
}

public class ModuleFieldsValidator<T> : AbstractValidator<T> where T : IModuleFields
{
    public const decimal MaximumHours = 200;

    public ModuleFieldsValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(40).Matches("^[A-Za-z0-9_.-]+$")
            .WithMessage(_ => Messages.CodeLike.With("RAD-PRACTICE"));
        RuleFor(x => x.TitleEn).NotEmpty().MaximumLength(300);
        RuleFor(x => x.TitleFr).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Hours).NotNull()
            .GreaterThan(0).LessThanOrEqualTo(MaximumHours)
            .PrecisionScale(6, 2, ignoreTrailingZeros: true).WithMessage(_ => Messages.HoursTwoDecimals);
        RuleFor(x => x.KeyFactorCodes).NotEmpty().WithMessage(_ => Messages.AtLeastOneKeyFactorOfModule)
            .Must(codes => codes.Distinct(StringComparer.Ordinal).Count() == codes.Count).WithMessage(_ => Messages.KeyFactorTwice);
    }
}

/// <summary>What registering and updating a module both do: check its code and key factors, and record the key factors.</summary>
internal static class ModuleWrites
{
    private const string HolderOfCode = "SELECT id FROM modules WHERE code = @code";
    private const string Cover = "INSERT INTO module_key_factors (module_id, key_factor_code) VALUES (@moduleId, @keyFactorCode)";
    private const string Uncover = "DELETE FROM module_key_factors WHERE module_id = @moduleId";

    public static async Task CheckAsync(DbSession db, IModuleFields module, Guid? except, CancellationToken cancellationToken)
    {
        // The dialect's id list works for any values: an IN list, or an array on PostgreSQL.
        var known = await db.QueryAsync<string>($"SELECT code FROM key_factors WHERE {db.Dialect.InIds("code", "codes")}",
            new { codes = module.KeyFactorCodes.ToArray() }, cancellationToken);
        var unknown = module.KeyFactorCodes.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            throw new ValidationException([new ValidationFailure(nameof(IModuleFields.KeyFactorCodes),
                Messages.NotAKeyFactor.With(string.Join(", ", unknown)))]);
        await db.RefuseDuplicateAsync(HolderOfCode, new { code = module.Code }, except,
            Messages.ModuleCodeTaken.With(module.Code), cancellationToken);
    }

    public static Task CoverAsync(DbSession db, Guid moduleId, IModuleFields module, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Cover, module.KeyFactorCodes.Select(keyFactorCode => new { moduleId, keyFactorCode }).ToList(), cancellationToken);

    public static Task UncoverAsync(DbSession db, Guid moduleId, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Uncover, new { moduleId }, cancellationToken);
}
