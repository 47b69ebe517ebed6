namespace Integrity.Api.Seeding.Scale;

/// <summary>
/// UUID v7 ids like the API's (time-ordered), but drawn from a seed so that two loads with the same seed hold the
/// same ids: one millisecond after another from a fixed instant, with seeded random bits.
/// </summary>
public sealed class ScaleIds(int seed)
{
    private static readonly long Origin = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private readonly Random random = new(seed);
    private long issued;

    public Guid Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var milliseconds = Origin + issued++;
        for (var i = 0; i < 6; i++) bytes[i] = (byte)(milliseconds >> (8 * (5 - i)));
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
