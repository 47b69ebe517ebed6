using System.Globalization;
using Integrity.Api.Resources;

namespace Integrity.Api.Data;

/// <summary>Cursors of the lists ordered by a date (a plan's start, an action's due day, a period's start): the key is the day, ISO 8601.</summary>
internal static class DateKeys
{
    public static bool IsCursor(string? cursor) => Keyset.TryDecode(cursor, out var after) && (after is null || TryParse(after.Key, out _));

    public static object Parse(string key) => TryParse(key, out var day) ? day : throw new FormatException(Messages.CursorNotOurs);

    public static Keyset Of(DateOnly day, Guid id) => new(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), id);

    private static bool TryParse(string key, out DateOnly day) =>
        DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}

/// <summary>Cursors of the lists ordered by an instant (when a duplicate was found): the key is the stored instant, ISO 8601 in UTC.</summary>
internal static class InstantKeys
{
    public static bool IsCursor(string? cursor) => Keyset.TryDecode(cursor, out var after) && (after is null || TryParse(after.Key, out _));

    public static object Parse(string key) => TryParse(key, out var instant) ? instant : throw new FormatException(Messages.CursorNotOurs);

    public static Keyset Of(DateTimeOffset instant, Guid id) => new(instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), id);

    private static bool TryParse(string key, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(key, "O", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out instant);
}
