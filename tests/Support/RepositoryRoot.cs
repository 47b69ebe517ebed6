namespace Integrity.Tests;

/// <summary>The repository's root folder, found from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Integrity.sln"))) return folder.FullName;
        throw new InvalidOperationException("Integrity.sln not found above " + AppContext.BaseDirectory);
    }
}
