using System.Text.Json;
using System.Text.Json.Serialization;

namespace Integrity.Api.Http;

/// <summary>
/// A blank value ("" or spaces) for an optional date, id, number or choice reads as absent: that is how a form sends an
/// input left empty. The validators then say what is required, for every field at once, where the first unreadable value
/// used to stop the read and answer that one field with "cannot be read".
/// </summary>
public sealed class BlankAsAbsent : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => Nullable.GetUnderlyingType(typeToConvert) is not null;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        var value = Nullable.GetUnderlyingType(typeToConvert)!;
        return (JsonConverter)Activator.CreateInstance(typeof(Optional<>).MakeGenericType(value), options.GetConverter(value))!;
    }

    private sealed class Optional<T>(JsonConverter<T> present) : JsonConverter<T?> where T : struct
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && string.IsNullOrWhiteSpace(reader.GetString())
                ? null
                : present.Read(ref reader, typeof(T), options);

        public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options) =>
            present.Write(writer, value!.Value, options);
    }
}
