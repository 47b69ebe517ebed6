using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;

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
            .WithMessage("Use letters, digits, '.', '_' or '-' only, e.g. RAD-PRACTICE.");
        RuleFor(x => x.TitleEn).NotEmpty().MaximumLength(300);
        RuleFor(x => x.TitleFr).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Hours).NotNull()
            .GreaterThan(0).LessThanOrEqualTo(MaximumHours)
            .PrecisionScale(6, 2, ignoreTrailingZeros: true).WithMessage("Give the hours with at most two decimals, e.g. 7.5.");
        RuleFor(x => x.KeyFactorCodes).NotEmpty().WithMessage("Name at least one key factor the module covers, e.g. RAD-07.")
            .Must(codes => codes.Distinct(StringComparer.Ordinal).Count() == codes.Count).WithMessage("A key factor is listed twice.");
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
                $"{string.Join(", ", unknown)} is not a key factor of the Revised Arusha Declaration: use RAD-01 to RAD-10 (see GET /api/v1/key-factors).")]);
        await db.RefuseDuplicateAsync(HolderOfCode, new { code = module.Code }, except,
            $"Another module already has the code '{module.Code}'. Choose another code, or update that module.", cancellationToken);
    }

    public static Task CoverAsync(DbSession db, Guid moduleId, IModuleFields module, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Cover, module.KeyFactorCodes.Select(keyFactorCode => new { moduleId, keyFactorCode }).ToList(), cancellationToken);

    public static Task UncoverAsync(DbSession db, Guid moduleId, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Uncover, new { moduleId }, cancellationToken);
}
