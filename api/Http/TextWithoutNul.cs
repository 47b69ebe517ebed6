using System.Text.Json;
using System.Text.Json.Serialization;

namespace Integrity.Api.Http;

/// <summary>
/// Text in a request body may not hold the NUL character (\u0000): PostgreSQL cannot store it, and a record that
/// one database keeps and another refuses would not survive a move. It is refused as that field's error.
/// </summary>
public sealed class TextWithoutNul : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text?.Contains('\0', StringComparison.Ordinal) == true) throw new JsonException("Text may not contain the NUL character.");
        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
