using System.Globalization;
using FluentValidation.Resources;
using Integrity.Api.Resources;

namespace Integrity.Api.Pipeline;

/// <summary>
/// FluentValidation's own messages, in the request's language: its LanguageManager reads CultureInfo.CurrentUICulture,
/// which UseRequestLocalization sets from Accept-Language, and has French built in. A missing value reads "required" as
/// the catalogue words it, instead of "must not be empty" or "ne doit pas avoir la valeur null".
/// </summary>
public sealed class ValidationLanguage : LanguageManager
{
    public ValidationLanguage(IEnumerable<CultureInfo> languages)
    {
        foreach (var language in languages)
        {
            var required = Messages.ResourceManager.GetString(nameof(Messages.Required), language)!;
            AddTranslation(language.Name, "NotNullValidator", required);
            AddTranslation(language.Name, "NotEmptyValidator", required);
        }
    }
}
