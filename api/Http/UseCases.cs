using System.Text.RegularExpressions;

namespace Integrity.Api.Http;

public static partial class UseCases
{
    /// <summary>"RegisterDonor" → "register donor", for messages people read.</summary>
    public static string Describe(string useCase) => Words().Replace(useCase, " $1").Trim().ToLowerInvariant();

    [GeneratedRegex("([A-Z])")]
    private static partial Regex Words();
}
