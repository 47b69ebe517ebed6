namespace Integrity.Api.Http;

public static class Usage
{
    public const string Text = """
        Integrity API: tracks integrity programmes in customs administrations.

        Usage:
          dotnet run --project api [-- options]           serve the API, Swagger UI and the built client
          dotnet run --project api -- migrate             apply database migrations, then exit
          dotnet run --project api -- users add --email <e-mail> --password <12+ characters> [--role administrator|coordinator|trainer] [--name <name>]
                                                          add an account (the first administrator, say), then exit
          dotnet run --project api -c Release -- seed-scale --scale small|medium|large [--seed 42]
                                                          fill an empty database with generated data for benchmarks
                                                          (large: 100,000 officials, 1,000,000 attendance records), then exit
          dotnet run --project api -- --help              show this text

        Options (also as environment variables, ':' written as '__'):
          --urls http://127.0.0.1:5080                    where to listen
          --Database:Provider sqlite|postgres|sqlserver   default sqlite
          --ConnectionStrings:Integrity "<string>"        default: SQLite file api/data/integrity.db
          --ConnectionStrings:IntegrityReports "<string>" a streaming replica (same provider, PostgreSQL) donors' reports,
                                                          IATI files and their ETags read; previews and writes stay on the primary
          --Database:MigrateOnStart true|false            default true
          --Demo:Seed true                                add the demo programmes, donors, administrations and accounts (not in Production)
          --Bootstrap:AdminEmail <e-mail> --Bootstrap:AdminPassword <password>
                                                          on a start with no accounts, make this the first administrator
          --Authentication:Jwt:Authority <url> --Authentication:Jwt:Audience <api>
          --Authentication:Jwt:RoleClaim roles --Authentication:Jwt:EmailClaim email
                                                          also accept bearer tokens of your identity provider (OpenID Connect)
          --RateLimits:SignInPerMinute 10                 sign-in attempts per client address and minute
          --RateLimits:SignInFailuresBeforeBackOff 5 --RateLimits:SignInBackOffMinutes 1
                                                          failed sign-ins per e-mail and address, then one per period
          --Audit:KeyFile <pem>                           the audit key (EC P-256; required outside Development):
                                                          openssl ecparam -name prime256v1 -genkey -noout -out audit-key.pem
          --Audit:RetiredKeyFiles:0 <pem>                 an earlier audit key, to verify the entries it keyed
          --Audit:AnchorPath <file>                       the audit trail's head, outside the database (default api/data/audit-anchor.log)
          --DataProtection:CertificateFile <pem> --DataProtection:CertificateKeyFile <pem>
                                                          RSA certificate and key that encrypt the session keys kept in the
                                                          database (without: stored plain, with a warning); the same on every instance
          --DataProtection:RetiredCertificates:0:CertificateFile <pem> (and :CertificateKeyFile)
                                                          a replaced certificate, to read the keys it encrypted
          --Idempotency:KeepHours 24                      hours an Idempotency-Key is remembered (forgotten hourly after)
          --Imports:MaxRows 5000                          rows an attendance sheet or survey file may have
          --Client:Path <folder>                          the built client to serve (default client/dist)

        Swagger UI: /swagger    OpenAPI document: /swagger/v1/swagger.json    Health: /health, /health/ready
        """;
}
