using System.Globalization;
using Governance.Training.TinyBase;

namespace Governance.Worker.Commands;

/// <summary>
/// <c>Governance.Worker tiny-base [--models DIR] [--steps N]</c>: builds the built-in tiny base model into the models
/// folder (default <c>models</c>) unless it is there already, printing progress every 50 steps.
/// </summary>
public static class TinyBaseCommand
{
    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output)
    {
        string models;
        TinyBaseSettings settings;
        try
        {
            var options = new CommandOptions(args);
            models = options.Text("--models", "models");
            settings = new TinyBaseSettings { Steps = options.Int("--steps", new TinyBaseSettings().Steps) };
            if (settings.Steps < 1) throw new ArgumentException("--steps must be at least 1");
        }
        catch (ArgumentException error)
        {
            output.WriteLine($"tiny-base: {error.Message}");
            return 2;
        }
        var folder = TinyBaseModel.Ensure(models, settings, progress =>
        {
            if (progress.Step % 50 == 0 || progress.Step == 1)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"step {progress.Step}/{progress.TotalSteps}: loss {progress.Loss:0.000}, {progress.TokensPerSecond:0} tokens/s"));
        });
        output.WriteLine($"tiny base model: {folder}");
        return 0;
    }
}
