using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Integrity.Api.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Integrity.Api.Identity;

/// <summary>
/// ASP.NET Core data protection (session cookies, kept API-token answers) as every instance of the API shares it: one
/// application name and one key ring, in the database (<see cref="KeyRingInDatabase"/>). The keys are encrypted at rest
/// with the RSA certificate <c>DataProtection:CertificateFile</c> (its private key in the same PEM file or in
/// <c>DataProtection:CertificateKeyFile</c>); certificates replaced since stay listed under
/// <c>DataProtection:RetiredCertificates</c> to read the keys they encrypted. Without a certificate the keys are stored
/// unencrypted and the app warns at every start, so the one-command SQLite run needs nothing set.
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>Fixed, so instances in different folders or machines protect alike (the default is the app's folder).</summary>
    public const string ApplicationName = "Integrity";

    private const string HowToMakeOne =
        "Make an RSA certificate and its key with `openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj \"/CN=Integrity data protection\" " +
        "-keyout data-protection-key.pem -out data-protection-cert.pem`, put both files on every instance, and set " +
        "DataProtection__CertificateFile and DataProtection__CertificateKeyFile to their paths.";

    public static IServiceCollection AddIntegrityDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var protection = services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<Database>((options, database) => options.XmlRepository = new KeyRingInDatabase(database));
        if (Certificate(configuration.GetSection("DataProtection")) is not { } current) return services;
        var retired = configuration.GetSection("DataProtection:RetiredCertificates").GetChildren().Select(section => Certificate(section)
            ?? throw new InvalidOperationException($"{section.Path}:CertificateFile is empty: name the retired certificate's file, or remove the entry."));
        protection.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. retired]);
        return services;
    }

    /// <summary>
    /// Reads the key ring (making its first key on a new database) before any request does: on SQLite, a key written
    /// from inside a request's write transaction would wait for that very transaction. Warns when keys are unencrypted.
    /// </summary>
    public static void OpenKeyRing(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(configuration["DataProtection:CertificateFile"]))
            logger.LogWarning(
                "DataProtection:CertificateFile is not set: the keys that protect session cookies and kept API-token answers are " +
                "stored in the database unencrypted, so whoever can read the database can forge a session. " + HowToMakeOne);
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Integrity.KeyRing").Protect([]);
    }

    private static X509Certificate2? Certificate(IConfiguration section)
    {
        var file = section["CertificateFile"];
        if (string.IsNullOrWhiteSpace(file)) return null;
        var keyFile = section["CertificateKeyFile"] is { Length: > 0 } path ? path : null;
        foreach (var needed in new[] { file, keyFile }.OfType<string>())
            if (!File.Exists(needed))
                throw new InvalidOperationException($"The data-protection certificate file '{needed}' does not exist. {HowToMakeOne}");
        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPemFile(file, keyFile);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"'{file}' is not a certificate with its private key in PEM ({e.Message}); name the key's file in CertificateKeyFile if it is apart. {HowToMakeOne}", e);
        }
        using var rsa = certificate.GetRSAPrivateKey();
        return rsa is not null ? certificate : throw new InvalidOperationException(
            $"The data-protection certificate '{file}' has no RSA private key: keys are encrypted with RSA. {HowToMakeOne}");
    }
}
