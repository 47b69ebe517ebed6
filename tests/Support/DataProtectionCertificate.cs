using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Integrity.Tests;

/// <summary>
/// A data-protection certificate as an installation keeps it: RSA, the certificate and its private key in PEM files,
/// deleted when disposed.
/// </summary>
public sealed class DataProtectionCertificate : IDisposable
{
    private readonly string certificateFile = Path.Combine(Path.GetTempPath(), $"integrity-test-data-protection-{Guid.NewGuid():N}-cert.pem");
    private readonly string keyFile = Path.Combine(Path.GetTempPath(), $"integrity-test-data-protection-{Guid.NewGuid():N}-key.pem");

    public DataProtectionCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Integrity test data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, rsa.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>The settings naming it under <paramref name="section"/>: the current certificate, or a retired one's entry.</summary>
    public Dictionary<string, string?> Settings(string section = "DataProtection") => new()
    {
        [$"{section}:CertificateFile"] = certificateFile,
        [$"{section}:CertificateKeyFile"] = keyFile,
    };

    public void Dispose()
    {
        File.Delete(certificateFile);
        File.Delete(keyFile);
    }
}
