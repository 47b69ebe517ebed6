using FluentValidation;
using Integrity.Api.Resources;

namespace Integrity.Api.Data;

/// <summary>
/// A choice among fixed values: its refusal names every allowed value as clients write them ("Choose one of: operational,
/// support, management."), so the person knows what to pick without reading the API description.
/// </summary>
public static class Choices
{
    /// <summary>"Choose one of: …" for the values of <typeparamref name="TEnum"/>, in the request's language.</summary>
    public static string OneOf<TEnum>() where TEnum : struct, Enum => Messages.ChooseOneOf.With(DbEnum.Names<TEnum>());

    /// <summary>An enum field of a body: a value outside the enum (a number sent instead of a name) names the allowed ones.</summary>
    public static IRuleBuilderOptions<T, TEnum?> IsChoice<T, TEnum>(this IRuleBuilder<T, TEnum?> rule) where TEnum : struct, Enum =>
        rule.IsInEnum().WithMessage(_ => OneOf<TEnum>());

}
