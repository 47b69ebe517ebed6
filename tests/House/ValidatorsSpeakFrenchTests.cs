using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Integrity.Api.Resources;

namespace Integrity.Tests;

/// <summary>
/// Every validator of every request, found by reflection over the API, is fed empty and invalid requests in English and in
/// French: a message that reads the same in both (beyond names, codes and numbers) was left untranslated. The catalogue
/// itself has every message in both languages, with the values the English has.
/// </summary>
public sealed partial class ValidatorsSpeakFrenchTests(string provider) : ApiOnEachDatabase(provider)
{
    private static readonly CultureInfo English = new("en");
    private static readonly CultureInfo French = new("fr");

    private static IEnumerable<Type> RequestValidators() => typeof(Program).Assembly.GetTypes()
        .Where(type => type is { IsAbstract: false, IsGenericTypeDefinition: false } && RequestOf(type) is not null);

    private static Type? RequestOf(Type validator)
    {
        for (var type = validator.BaseType; type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
                return type.GetGenericArguments()[0] is var request && typeof(IMessage).IsAssignableFrom(request) ? request : null;
        return null;
    }

    [Test]
    public void Every_validator_message_is_in_French_when_the_request_asks_for_French()
    {
        var validators = RequestValidators().ToList();
        var untranslated = new List<string>();
        var compared = 0;
        foreach (var validatorType in validators)
        {
            var validator = (IValidator)ActivatorUtilities.CreateInstance(App.Services, validatorType);
            var request = RequestOf(validatorType)!;
            foreach (var (shape, instance) in Instances(request))
            {
                var english = Messages(validator, instance, English);
                var french = Messages(validator, instance, French);
                Assert.That(french, Has.Count.EqualTo(english.Count), $"{validatorType.Name}, {shape} request");
                foreach (var (inEnglish, inFrench) in english.Zip(french))
                {
                    compared++;
                    if (inEnglish == inFrench && HasWords(inEnglish)) untranslated.Add($"{validatorType.Name} ({shape}): {inEnglish}");
                }
            }
        }
        Assert.Multiple(() =>
        {
            Assert.That(validators, Has.Count.GreaterThan(50), "the validators of the API's requests");
            Assert.That(compared, Is.GreaterThan(300), "messages compared");
            Assert.That(untranslated.Distinct(), Is.Empty, "messages still in English under fr");
        });
    }

    [Test]
    public void Every_message_of_the_catalogue_is_in_French_with_the_same_placeholders_and_fills_in()
    {
        var english = Catalogue(CultureInfo.InvariantCulture);
        var french = Catalogue(French);
        Assert.That(english, Has.Count.GreaterThan(200));
        Assert.Multiple(() =>
        {
            foreach (var (key, inEnglish) in english)
            {
                Assert.That(french.TryGetValue(key, out var inFrench), Is.True, $"{key} has no French");
                if (inFrench is null) continue;
                // The French may leave out a value (an English description of the use case), never ask for one the code does not give.
                Assert.That(Placeholders(inFrench), Is.SubsetOf(Placeholders(inEnglish)), $"{key}: the values the English has");
                if (HasWords(inEnglish)) Assert.That(inFrench, Is.Not.EqualTo(inEnglish), $"{key} is still English in French");
                // A message with values is filled with string.Format: any other brace must be doubled, or filling it throws.
                foreach (var text in new[] { inEnglish, inFrench })
                    if (Placeholders(text).Count > 0)
                        Assert.That(() => string.Format(CultureInfo.InvariantCulture, text, 1, 2, 3, 4, 5, 6), Throws.Nothing, key);
            }
        });
    }

    private static Dictionary<string, string> Catalogue(CultureInfo language) =>
        Integrity.Api.Resources.Messages.ResourceManager.GetResourceSet(language, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string)entry.Value!);

    private static List<string> Placeholders(string message) =>
        Placeholder().Matches(message).Select(match => match.Groups[1].Value).Distinct().Order().ToList();

    [GeneratedRegex(@"(?<!\{)\{(\d+)[:}]")]
    private static partial Regex Placeholder();

    private static List<string> Messages(IValidator validator, object instance, CultureInfo language)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = language;
        try
        {
            var context = (IValidationContext)Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(instance.GetType()), instance)!;
            return validator.Validate(context).Errors.Select(error => error.ErrorMessage).ToList();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>An empty request (what a blank form sends), one with a wrong value in every field, and one with overlong texts.</summary>
    private static IEnumerable<(string Shape, object Instance)> Instances(Type request)
    {
        yield return ("empty", RuntimeHelpers.GetUninitializedObject(request));
        yield return ("invalid", Filled(request, "?", depth: 0));
        yield return ("overlong", Filled(request, new string('x', 5000), depth: 0));
    }

    private static object Filled(Type type, string text, int depth)
    {
        var instance = RuntimeHelpers.GetUninitializedObject(type);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.CanWrite))
            property.SetValue(instance, Wrong(property.PropertyType, property.Name, text, depth));
        return instance;
    }

    /// <summary>A value of <paramref name="type"/> its rules refuse: out of range, before its start, duplicated, unknown.</summary>
    private static object? Wrong(Type type, string name, string text, int depth)
    {
        var value = Nullable.GetUnderlyingType(type) ?? type;
        // An end before its start: ends, dues and 'to' are early, everything else is far in the future.
        var early = name.Contains("End", StringComparison.Ordinal) || name.Contains("Due", StringComparison.Ordinal) || name == "To";
        if (value == typeof(string)) return text;
        if (value == typeof(Guid)) return Guid.Empty;
        if (value == typeof(DateOnly)) return early ? new DateOnly(2000, 1, 1) : new DateOnly(2099, 12, 31);
        if (value == typeof(DateTimeOffset)) return early ? DateTimeOffset.UnixEpoch : DateTimeOffset.MaxValue;
        if (value == typeof(bool)) return true;
        if (value.IsEnum) return Enum.ToObject(value, 9999);
        if (value.IsPrimitive || value == typeof(decimal)) return Convert.ChangeType(-1.001m, value, CultureInfo.InvariantCulture);
        if (value.IsGenericType && typeof(IEnumerable).IsAssignableFrom(value) && value.GetGenericArguments() is [var element])
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            var wrong = Wrong(element, name, text, depth + 1);
            list.Add(wrong);
            list.Add(wrong);
            return list;
        }
        return depth < 2 && value.IsClass ? Filled(value, text, depth + 1) : null;
    }

    /// <summary>Whether a message has words beyond the names, codes, numbers and quoted values it may rightly share across languages.</summary>
    private static bool HasWords(string message) => Word().IsMatch(Names().Replace(message, ""));

    [GeneratedRegex("""'[^']*'|«[^»]*»|\b\w*[_\d]\w*\b|\b[a-z]+[A-Z]\w*\b""")]
    private static partial Regex Names();

    [GeneratedRegex(@"\p{L}{3,}")]
    private static partial Regex Word();
}
