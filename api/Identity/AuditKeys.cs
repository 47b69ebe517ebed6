using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Integrity.Api.Identity;

/// <summary>
/// The secret the audit trail is keyed with, which the database never holds: an ECDSA P-256 private key
/// (PEM). Entries carry an HMAC-SHA256 under a key derived from it, so whoever can write the database
/// but not read this key cannot forge an entry; checkpoints are signed with it, so an auditor checks
/// them with the public key alone. Each key has an id (from its public key) stored with every entry it
/// keyed; after a rotation the retired keys still verify their entries.
/// </summary>
public sealed class AuditKeys
{
    private const string HowToMakeOne =
        "Make one with `openssl ecparam -name prime256v1 -genkey -noout -out audit-key.pem`, keep it where the " +
        "database administrator cannot read it, and set Audit__KeyFile to its path (or Audit__Key to its PEM text).";

    private readonly Dictionary<string, AuditKey> byId;

    public AuditKeys(AuditKey current, IEnumerable<AuditKey> retired)
    {
        Current = current;
        byId = retired.Append(current).ToDictionary(key => key.Id);
    }

    /// <summary>The key new entries and checkpoints are keyed with.</summary>
    public AuditKey Current { get; }

    /// <summary>The current or a retired key, by the id an entry or a checkpoint names.</summary>
    public AuditKey? Find(string? keyId) => keyId is null ? null : byId.GetValueOrDefault(keyId);

    /// <summary>
    /// <c>Audit:Key</c> (PEM text) or <c>Audit:KeyFile</c>, and <c>Audit:RetiredKeyFiles</c>. In Development
    /// a missing key file is created in the data folder; anywhere else the app refuses to start without one.
    /// </summary>
    public static AuditKeys FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var retired = configuration.GetSection("Audit:RetiredKeyFiles").Get<string[]>() ?? [];
        return new AuditKeys(CurrentKey(configuration, environment), retired.Select(path => AuditKey.FromPem(ReadKeyFile(path))));
    }

    private static AuditKey CurrentKey(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration["Audit:Key"] is { Length: > 0 } pem) return AuditKey.FromPem(pem);
        var path = configuration["Audit:KeyFile"];
        if (string.IsNullOrWhiteSpace(path))
        {
            if (!environment.IsDevelopment())
                throw new InvalidOperationException(
                    "Audit:KeyFile is not set: the audit trail must be keyed with a secret the database does not hold. " + HowToMakeOne);
            path = Path.Combine(environment.ContentRootPath, "data", "audit-key.pem");
            if (!File.Exists(path)) CreateFile(path);
        }
        return AuditKey.FromPem(ReadKeyFile(path));
    }

    private static string ReadKeyFile(string path) => File.Exists(path)
        ? File.ReadAllText(path)
        : throw new InvalidOperationException($"The audit key file '{path}' does not exist. {HowToMakeOne}");

    /// <summary>Writes a new key, readable by its owner only.</summary>
    public static void CreateFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var file = new StreamWriter(path, Encoding.ASCII, options);
        file.Write(key.ExportECPrivateKeyPem());
    }
}

/// <summary>One audit key: the HMAC key for entries and the signing key for checkpoints.</summary>
public sealed class AuditKey
{
    private readonly byte[] entryKey;
    private readonly ECDsa signer;

    private AuditKey(ECDsa signer)
    {
        this.signer = signer;
        var parameters = signer.ExportParameters(includePrivateParameters: true);
        entryKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, parameters.D!, 32, info: "integrity audit entries"u8.ToArray());
        var publicKey = signer.ExportSubjectPublicKeyInfo();
        Id = Convert.ToHexStringLower(SHA256.HashData(publicKey))[..16];
        PublicKeyPem = PemEncoding.WriteString("PUBLIC KEY", publicKey);
    }

    public static AuditKey FromPem(string pem)
    {
        var signer = ECDsa.Create();
        try
        {
            signer.ImportFromPem(pem);
        }
        catch (ArgumentException e)
        {
            signer.Dispose();
            throw new InvalidOperationException($"The audit key is not an EC private key in PEM: {e.Message}", e);
        }
        return new AuditKey(signer);
    }

    /// <summary>Stored with each entry: which key keyed it.</summary>
    public string Id { get; }

    /// <summary>What an auditor keeps to check checkpoints without any secret.</summary>
    public string PublicKeyPem { get; }

    public string Hash(string content) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(entryKey, Encoding.UTF8.GetBytes(content)));

    public string Sign(string text) =>
        Convert.ToBase64String(signer.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA256));

    public bool Signed(string text, string signature)
    {
        var bytes = new byte[signature.Length];
        return Convert.TryFromBase64String(signature, bytes, out var length)
               && signer.VerifyData(Encoding.UTF8.GetBytes(text), bytes.AsSpan(0, length), HashAlgorithmName.SHA256);
    }

    /// <summary>An instant as a checkpoint's signed text spells it.</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
