using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Integrity.Api.Http;

/// <summary>Record versions travel as strong ETags: version 3 is <c>"3"</c>.</summary>
public static class Versions
{
    public static string ToETag(int version) => $"\"{version}\"";

    /// <summary>
    /// The version in If-Match. Missing, or <c>*</c> (which names no version), is 428. A weak or unreadable
    /// tag can match no version (If-Match compares strong tags), so it gives -1 and the update a 412.
    /// </summary>
    public static int FromIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*") throw new PreconditionRequiredException();
        return EntityTagHeaderValue.TryParse(header, out var tag)
               && !tag.IsWeak
               && int.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : -1;
    }

    public static void SetETag(HttpResponse response, int version) =>
        response.Headers.ETag = ToETag(version);
}
