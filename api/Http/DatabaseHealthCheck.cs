using Dapper;
using Integrity.Api.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Integrity.Api.Http;

/// <summary>Ready means the database answers a query; while it does not, pooled connections are dropped so recovery is quick.</summary>
public sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
            return HealthCheckResult.Healthy($"{database.Dialect.Provider} answers");
        }
        catch (Exception error)
        {
            database.Dialect.ClearPools();
            return HealthCheckResult.Unhealthy($"{database.Dialect.Provider} does not answer", error);
        }
    }
}
