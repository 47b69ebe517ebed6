using System.Globalization;

namespace Integrity.Api.Resources;

/// <summary>
/// Fills a message of the catalogue (<see cref="Messages"/>, generated from <c>Messages.resx</c> and read in the request's
/// language) with its values: <c>Messages.NotFound.With(Messages.RecordProgramme, id)</c>. Numbers and dates stay as the API writes them.
/// </summary>
public static class MessageFormat
{
    public static string With(this string message, params object?[] values) => string.Format(CultureInfo.InvariantCulture, message, values);
}
