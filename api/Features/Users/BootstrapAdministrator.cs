using Dapper;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Users;

/// <summary>
/// On a start with no accounts at all, <c>Bootstrap:AdminEmail</c> and <c>Bootstrap:AdminPassword</c>
/// make the first administrator. Once any account exists they are ignored.
/// </summary>
public static class BootstrapAdministrator
{
    public static async Task RunAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)) return;
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<Database>();
        await using (var connection = await database.OpenAsync(CancellationToken.None))
            if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM users") > 0) return;
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new AddUser(email, "Administrator", Role.Administrator, password));
        logger.LogInformation("Created the first administrator, {Email}, from Bootstrap:AdminEmail.", email);
    }
}
