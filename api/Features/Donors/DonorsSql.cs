namespace Integrity.Api.Features.Donors;

/// <summary>SQL that more than one donor use case runs.</summary>
internal static class DonorsSql
{
    public const string HolderOfCode = "SELECT id FROM donors WHERE code = @code";
}
