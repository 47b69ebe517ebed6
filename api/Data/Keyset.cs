using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Integrity.Api.Data;

/// <summary>One page of a list, and the cursor that fetches the next one (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, [property: System.ComponentModel.DataAnnotations.Required] string? NextCursor);

/// <summary>
/// Keyset pagination over a sort key and the id: a page costs the same however deep it is, and rows
/// inserted meanwhile never shift a page. The cursor is opaque to clients (base64url JSON).
/// </summary>
public sealed record Keyset(string Key, Guid Id)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    public static bool TryDecode(string? cursor, out Keyset? keyset)
    {
        keyset = null;
        if (string.IsNullOrEmpty(cursor)) return true;
        try
        {
            keyset = JsonSerializer.Deserialize<Keyset>(Base64Url.DecodeFromChars(cursor));
            return keyset is { Key: not null };
        }
        catch (Exception error) when (error is FormatException or JsonException)
        {
            return false;
        }
    }

    /// <summary>The SQL condition "after this cursor" for rows ordered by <paramref name="keyColumn"/>, id (both descending when asked).</summary>
    public static string After(string keyColumn, string idColumn = "id", bool descending = false)
    {
        var beyond = descending ? "<" : ">";
        return $"({keyColumn} {beyond} @afterKey OR ({keyColumn} = @afterKey AND {idColumn} {beyond} @afterId))";
    }

    /// <summary>Turns limit + 1 fetched rows into a page and the cursor of its last row.</summary>
    public static Page<T> ToPage<T>(IReadOnlyList<T> rows, int limit, Func<T, Keyset> keyOf)
    {
        if (rows.Count <= limit) return new Page<T>(rows, null);
        var items = rows.Take(limit).ToList();
        return new Page<T>(items, keyOf(items[^1]).Encode());
    }
}
