using System.Text.Json;

namespace Integrity.Api.Data;

/// <summary>
/// Enums are stored, filtered and sent as lower_snake_case text ('capacity_building_mission'). Writing:
/// <see cref="Name{T}"/>. Reading: Dapper parses enums by name ignoring case but knows nothing of
/// underscores, so queries select such a column through <see cref="Column"/>.
/// </summary>
public static class DbEnum
{
    public static string Name<T>(T value) where T : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>Reads a value as clients and the database write it ('held', 'training_of_trainers'); nothing else.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var match = Enum.GetValues<T>().Where(candidate => Name(candidate) == text).ToList();
        if (match.Count == 0) return false;
        value = match[0];
        return true;
    }

    /// <summary>The values of an enum as clients write them, for messages.</summary>
    public static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(Name));

    /// <summary><c>replace(column, '_', '') AS alias</c>: 'capacity_building_mission' reads as CapacityBuildingMission.</summary>
    public static string Column(string column, string alias) => $"replace({column}, '_', '') AS {alias}";
}
