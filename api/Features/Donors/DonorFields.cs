using FluentValidation;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Donors;

/// <summary>What registering and updating a donor both send.</summary>
public interface IDonorFields
{
    string Code { get; }
    string Name { get; }
    string? IatiOrganisationId { get; }
}

public class DonorFieldsValidator<T> : AbstractValidator<T> where T : IDonorFields
{
    public DonorFieldsValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(40).Matches("^[A-Za-z0-9_.-]+$")
            .WithMessage(_ => Messages.CodeLike.With("NORAD"));
        RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
        RuleFor(x => x.IatiOrganisationId).MaximumLength(100);
    }
}

/// <summary>What registering and updating a donor both check: that no other donor holds its code.</summary>
internal static class DonorWrites
{
    public const string HolderOfCode = "SELECT id FROM donors WHERE code = @code";
}
