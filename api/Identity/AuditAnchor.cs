using System.Globalization;
using Integrity.Api.Resources;

namespace Integrity.Api.Identity;

/// <summary>
/// The audit trail's head, kept outside the database: after each command commits, its entry's position
/// and keyed hash are appended to a file (<c>Audit:AnchorPath</c>, default data/audit-anchor.log) that
/// the database administrator cannot write. A deleted tail, or entries renumbered after a deletion, no
/// longer match what the file recorded.
/// </summary>
public sealed class AuditAnchor(string path)
{
    private readonly Lock writing = new();
    private long lastAnchored;

    public string Path { get; } = path;

    public static AuditAnchor FromConfiguration(IConfiguration configuration, IHostEnvironment environment) =>
        new(configuration["Audit:AnchorPath"] is { Length: > 0 } path
            ? path
            : System.IO.Path.Combine(environment.ContentRootPath, "data", "audit-anchor.log"));

    /// <summary>
    /// Records an entry that has been committed; an older one than the last this process recorded is already covered.
    /// The file is only appended to, never read here: a line not above the one before it is skipped by <see cref="Points"/>.
    /// </summary>
    public void Record(long position, string hash)
    {
        lock (writing)
        {
            if (position <= lastAnchored) return;
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            using var writer = new StreamWriter(file);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{position} {hash}\n"));
            writer.Flush();
            file.Flush(flushToDisk: true);
            lastAnchored = position;
        }
    }

    /// <summary>The anchored entries, in increasing position; a line that is not one is skipped.</summary>
    public IEnumerable<AnchorPoint> Points()
    {
        if (!File.Exists(Path)) yield break;
        using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        long last = 0;
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(' ');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var position) || position <= last)
                continue;
            last = position;
            yield return new AnchorPoint(position, parts[1], Messages.AuditAnchorSource);
        }
    }
}

/// <summary>What an entry's hash was, according to a record kept outside the database.</summary>
public sealed record AnchorPoint(long Position, string Hash, string Source);
