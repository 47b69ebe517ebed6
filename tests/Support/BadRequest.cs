using System.Text;

namespace Integrity.Tests;

/// <summary>One request the fuzzer sends, and enough about it to send it again by hand.</summary>
public sealed record BadRequest(ApiOperation Operation, int Number, string Variant, string Path, string? ContentType, byte[]? Body,
    IReadOnlyList<(string Name, string Value)> Headers, bool Anonymous)
{
    public bool Changes => Operation.Method != HttpMethod.Get;

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Operation.Method, Path);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        foreach (var (name, value) in Headers) message.Headers.TryAddWithoutValidation(name, value);
        return message;
    }

    public override string ToString()
    {
        var body = Body is null ? "no body" : $"{Body.Length} bytes {ContentType}: {Excerpt(Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300)))}";
        return $"{Operation.Id} #{Number} ({Variant}){(Anonymous ? " anonymous" : "")}: {Operation.Method} {Excerpt(Path)} " +
               $"{string.Join(" ", Headers.Select(header => $"[{header.Name}: {Excerpt(header.Value)}]"))} {body}";
    }

    private static string Excerpt(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
