namespace Integrity.Tests;

/// <summary>One audit key for the whole run, as an installation keeps one (outside Development none is made for you).</summary>
public static class TestAuditKey
{
    private static readonly Lazy<string> File = new(() =>
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"integrity-test-audit-key-{Guid.NewGuid():N}.pem");
        Integrity.Api.Identity.AuditKeys.CreateFile(path);
        return path;
    });

    public static string Path => File.Value;
}
