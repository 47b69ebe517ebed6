using System.Collections.Frozen;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Integrity.Api.Data;

namespace Integrity.Api.Baselines;

/// <summary>What the baselines write by hand that the serializer and the type handlers do for the API: dates, enums, decimals.</summary>
public static class RawJson
{
    public static void WriteDay(this Utf8JsonWriter writer, string name, DateOnly day) =>
        writer.WriteString(name, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>A 12.50 read from the database as the API sends it, 12.5 (as <see cref="TypeHandlers"/> reads decimals).</summary>
    public static void WriteFigure(this Utf8JsonWriter writer, string name, decimal value) =>
        writer.WriteNumber(name, TypeHandlers.Figure(value));

    /// <summary>A text column that may be NULL.</summary>
    public static void WriteText(this Utf8JsonWriter writer, string name, DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal)) writer.WriteNull(name);
        else writer.WriteString(name, reader.GetString(ordinal));
    }

    /// <summary>
    /// An enum column selected through <see cref="DbEnum.Column"/> ('capacitybuildingmission') as the API writes it
    /// ('capacity_building_mission').
    /// </summary>
    public static string EnumName<T>(string folded) where T : struct, Enum => Names<T>.ByFolded[folded.ToLowerInvariant()];

    private static class Names<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<string, string> ByFolded = Enum.GetValues<T>()
            .ToFrozenDictionary(value => DbEnum.Name(value).Replace("_", ""), value => DbEnum.Name(value));
    }
}
