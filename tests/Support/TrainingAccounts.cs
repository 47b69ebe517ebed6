using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>Accounts of the other roles for the training-records tests, added by the administrator's client.</summary>
internal static class TrainingAccounts
{
    private const string Password = "training-records-password";

    public static async Task<Guid> AddAsync(HttpClient administrator, string role, Guid[]? administrationIds = null, string? email = null)
    {
        var response = await administrator.PostAsJsonAsync("/api/v1/users", new
        {
            email = email ?? $"{role}-{Guid.NewGuid():N}@training.test", displayName = $"Training {role}", role, password = Password, administrationIds,
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<HttpClient> SignInAsync(ApiFactory app, HttpClient administrator, string role, Guid[]? administrationIds = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}@training.test";
        await AddAsync(administrator, role, administrationIds, email);
        return await app.SignedInClientAsync(email, Password);
    }

    public static async Task<HttpClient> DonorTokenClientAsync(ApiFactory app, HttpClient administrator)
    {
        var donor = await administrator.PostAsJsonAsync("/api/v1/donors", new { code = $"TR-{Guid.NewGuid():N}"[..12].ToUpperInvariant(), name = "Training donor" });
        var donorId = (await donor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return await DonorTokens.ClientAsync(app, administrator, donorId, "training records crawl", days: 7);
    }
}
