using System.Security.Cryptography;
using System.Text;

namespace Integrity.Api.Identity;

/// <summary>
/// Donors' API tokens: 256 random bits, shown once, stored only as their SHA-256. A fast hash is
/// right here (unlike passwords): the token is random, so there is nothing to guess from its hash.
/// </summary>
public static class ApiTokens
{
    /// <summary>Every token starts with this, so a bearer token is told from a JWT at a glance.</summary>
    public const string Prefix = "itg_";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
