using Microsoft.Net.Http.Headers;

namespace Integrity.Api.Http;

/// <summary>Record versions travel as strong ETags: version 3 is <c>"3"</c>.</summary>
public static class Versions
{
    public static string ToETag(int version) => $"\"{version}\"";

    /// <summary>The version in If-Match; 428 when it is missing. An unreadable one can match nothing, so -1.</summary>
    public static int FromIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) throw new PreconditionRequiredException();
        return EntityTagHeaderValue.TryParse(header.Trim(), out var tag)
               && int.TryParse(tag.Tag.AsSpan(1, tag.Tag.Length - 2), out var version)
            ? version
            : -1;
    }

    public static void SetETag(HttpResponse response, int version) =>
        response.Headers.ETag = ToETag(version);
}
