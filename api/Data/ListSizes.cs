using System.Collections;
using FluentValidation;
using FluentValidation.Validators;
using Integrity.Api.Resources;

namespace Integrity.Api.Data;

/// <summary>
/// At most so many items in a list, as a rule FluentValidation can describe, so the OpenAPI document states it as
/// <c>maxItems</c> (<see cref="Http.ValidatorLimits"/>); a <c>Must(list =&gt; list.Count &lt;= n)</c> would hide the limit in a lambda.
/// </summary>
public static class ListSizes
{
    /// <summary>An absent list passes; a longer one is refused with "Send at most n items." unless given another message.</summary>
    public static IRuleBuilderOptions<T, TList> MaximumCount<T, TList>(this IRuleBuilder<T, TList> rule, int max) where TList : IEnumerable? =>
        rule.SetValidator(new MaximumCountValidator<T, TList>(max));
}

/// <summary>What the OpenAPI document reads of a list limit.</summary>
public interface IMaximumCountValidator : IPropertyValidator
{
    int Max { get; }
}

public sealed class MaximumCountValidator<T, TList>(int max) : PropertyValidator<T, TList>, IMaximumCountValidator where TList : IEnumerable?
{
    public int Max => max;

    public override string Name => "MaximumCountValidator";

    public override bool IsValid(ValidationContext<T> context, TList value) => value is null || value.Cast<object?>().Take(max + 1).Count() <= max;

    protected override string GetDefaultMessageTemplate(string errorCode) => Messages.AtMostItems.With(max);
}
