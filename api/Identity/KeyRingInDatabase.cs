using System.Xml.Linq;
using Dapper;
using Integrity.Api.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Integrity.Api.Identity;

/// <summary>
/// ASP.NET Core's data-protection key ring, kept in the database instead of each machine's home folder: every instance
/// reads the same keys, so a session cookie or a kept token answer one instance protected, any other can read. The
/// framework encrypts each key's XML (with the configured certificate) before it reaches here.
/// </summary>
public sealed class KeyRingInDatabase(Database database) : IXmlRepository
{
    private const string All = "SELECT xml FROM data_protection_keys ORDER BY name";
    private const string Add = "INSERT INTO data_protection_keys (name, xml) VALUES (@name, @xml)";

    // The framework calls these synchronously, rarely (at start, then about daily, and once a key is due to be replaced).
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.Open();
        return connection.Query<string>(All).Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.Open();
        connection.Execute(Add, new { name = friendlyName, xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
