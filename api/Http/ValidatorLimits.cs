using System.Globalization;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Validators;
using Integrity.Api.Data;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Integrity.Api.Http;

/// <summary>
/// The limits a request's validator checks, written into that request's schema as the document is generated: lengths,
/// list sizes, ranges, patterns, e-mail format and the fields it requires. They are read from the registered
/// <see cref="IValidator{T}"/> through FluentValidation's own descriptor, so the contract cannot say other than what is
/// checked. A rule that applies only under a condition (<c>When</c>) is left out: a schema cannot say when.
/// </summary>
public sealed class ValidatorLimits(IServiceProvider services) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } request
            || services.GetService(typeof(IValidator<>).MakeGenericType(context.Type)) is not IValidator validator) return;
        foreach (var rule in validator.CreateDescriptor().Rules)
        {
            if (rule.PropertyName is not { } member
                || !request.Properties!.TryGetValue(JsonNamingPolicy.CamelCase.ConvertName(member), out var declared)
                || declared is not OpenApiSchema property) continue;
            var eachItem = rule.GetType().GetInterfaces().Any(face => face.IsGenericType && face.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));
            var limited = eachItem ? property.Items as OpenApiSchema : property;
            if (limited is null) continue;
            foreach (var component in rule.Components.Where(component => !component.HasCondition && !component.HasAsyncCondition))
            {
                var requires = Limit(limited, component.Validator);
                if (requires && !eachItem) Require(request, property, JsonNamingPolicy.CamelCase.ConvertName(member));
            }
        }
    }

    /// <summary>Writes the validator's limit on the schema; true when it refuses an absent value.</summary>
    private static bool Limit(OpenApiSchema schema, IPropertyValidator validator)
    {
        var isList = schema.Type?.HasFlag(JsonSchemaType.Array) == true;
        switch (validator)
        {
            case INotNullValidator:
                return true;
            case INotEmptyValidator when isList:
                schema.MinItems = Math.Max(schema.MinItems ?? 0, 1);
                return true;
            case INotEmptyValidator:
                if (schema.Type?.HasFlag(JsonSchemaType.String) == true) schema.MinLength = Math.Max(schema.MinLength ?? 0, 1);
                return true;
            case ILengthValidator length:
                if (length.Max > 0) schema.MaxLength = length.Max;
                if (length.Min > 0) schema.MinLength = length.Min;
                return false;
            case IMaximumCountValidator count:
                schema.MaxItems = count.Max;
                return false;
            case IRegularExpressionValidator pattern:
                schema.Pattern = pattern.Expression;
                return false;
            case IEmailValidator:
                schema.Format = "email";
                return false;
            case IBetweenValidator between when Number(between.From) is { } from && Number(between.To) is { } to:
                if (validator.Name.StartsWith("Exclusive", StringComparison.Ordinal)) (schema.ExclusiveMinimum, schema.ExclusiveMaximum) = (from, to);
                else (schema.Minimum, schema.Maximum) = (from, to);
                return false;
            case IComparisonValidator { MemberToCompare: null } comparison when Number(comparison.ValueToCompare) is { } value:
                switch (comparison.Comparison)
                {
                    case Comparison.GreaterThan: schema.ExclusiveMinimum = value; break;
                    case Comparison.GreaterThanOrEqual: schema.Minimum = value; break;
                    case Comparison.LessThan: schema.ExclusiveMaximum = value; break;
                    case Comparison.LessThanOrEqual: schema.Maximum = value; break;
                }
                return false;
            default:
                return false;
        }
    }

    /// <summary>A required field: listed as required, and no longer said to accept null.</summary>
    private static void Require(OpenApiSchema request, OpenApiSchema property, string name)
    {
        request.Required ??= new HashSet<string>();
        request.Required.Add(name);
        if (property.Type is { } type) property.Type = type & ~JsonSchemaType.Null;
    }

    private static string? Number(object? value) => value switch
    {
        int or long or short or byte or decimal or double or float => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => null,
    };
}
