using System.Text.Json;
using System.Text.Json.Serialization;

namespace Integrity.Api.Features.Trainers;

/// <summary>Whether a trainer works for the WCO or is a national trainer of a customs administration.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrainerKind>))]
public enum TrainerKind
{
    [JsonStringEnumMemberName("wco_expert")] WcoExpert,
    [JsonStringEnumMemberName("national_trainer")] NationalTrainer,
}

/// <summary>How far a trainer has come with a module, in the only order it can go.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AccreditationStage>))]
public enum AccreditationStage
{
    [JsonStringEnumMemberName("candidate")] Candidate,
    [JsonStringEnumMemberName("trained")] Trained,
    [JsonStringEnumMemberName("supervised_delivery")] SupervisedDelivery,
    [JsonStringEnumMemberName("accredited")] Accredited,
}

/// <summary>
/// The database stores these values as the lower_snake text they have in JSON (its CHECK constraints
/// list them); the JSON names are the one place that spells them.
/// </summary>
public static class StoredText
{
    public static string Of<T>(T value) where T : struct, Enum => JsonSerializer.Serialize(value).Trim('"');

    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new InvalidOperationException($"'{text}' is not a stored {typeof(T).Name}.");

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var match = Enum.GetValues<T>().Where(candidate => Of(candidate) == text).ToList();
        if (match.Count == 0) return false;
        value = match[0];
        return true;
    }

    /// <summary>"wco_expert, national_trainer": the values a client may send.</summary>
    public static string Choices<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(Of));
}
