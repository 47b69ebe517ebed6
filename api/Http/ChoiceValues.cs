using System.Text.Json;
using System.Text.Json.Serialization;
using Integrity.Api.Data;

namespace Integrity.Api.Http;

/// <summary>
/// Enums as lower_snake_case text (<c>capacity_building_mission</c>). A value that is none of them ("kind": "seminar") is
/// refused naming the allowed ones (<see cref="NotAChoiceException"/>), instead of a bare "cannot be read".
/// </summary>
public sealed class ChoiceValues : JsonConverterFactory
{
    private static readonly JsonStringEnumConverter Names = new(JsonNamingPolicy.SnakeCaseLower);

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Choice<>).MakeGenericType(typeToConvert), Names.CreateConverter(typeToConvert, options))!;

    private sealed class Choice<T>(JsonConverter<T> byName) : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            try
            {
                return byName.Read(ref reader, typeToConvert, options);
            }
            catch (JsonException)
            {
                throw new NotAChoiceException(DbEnum.Names<T>());
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => byName.Write(writer, value, options);
    }
}

/// <summary>A body value that is none of the allowed <paramref name="names"/>; the problem says which they are.</summary>
public sealed class NotAChoiceException(string names) : JsonException($"Not one of {names}.")
{
    public string Names { get; } = names;
}
