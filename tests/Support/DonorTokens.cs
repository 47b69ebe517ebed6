using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>A donor's API token, issued by an administrator, in the client a donor's script would hold.</summary>
internal static class DonorTokens
{
    public static async Task<HttpClient> ClientAsync(ApiFactory app, HttpClient administrator, Guid donorId, string name, int days = 30)
    {
        var issued = await administrator.PostAsJsonAsync("/api/v1/api-tokens", new
        {
            donorId, name, expiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.Created), await issued.Content.ReadAsStringAsync());
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        return client;
    }
}
