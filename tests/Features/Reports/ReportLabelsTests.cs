using System.Globalization;
using Integrity.Api.Data;
using Integrity.Api.Features.Participants;
using Integrity.Api.Features.Reports;
using Integrity.Api.Features.Results;

namespace Integrity.Tests;

/// <summary>
/// Every code the progress report writes (figures, statuses, sexes, columns) has a label in English and in French, and
/// the two differ where the words do; the usual units are translated, others kept as entered.
/// </summary>
public sealed class ReportLabelsTests
{
    private static readonly string[] Figures =
        [.. Enum.GetValues<IndicatorRule>().Select(DbEnum.Name), "modules_delivered", "actions_due", "actions_done_on_time", "indicator_target", "indicator_actual", "minimum_cell_size"];

    // A report's states, a period's approval, a withheld value, the small-count rule: every status the report writes.
    private static readonly string[] Statuses =
        [.. Enum.GetValues<ReportState>().Select(DbEnum.Name), "approved_not_frozen", "partly_approved", "not_approved", "suppressed", "applied", "not_applied"];

    private static T In<T>(string language, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try { return read(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    private static void AssertTranslated(IEnumerable<string> codes, Func<string, string> label, params string[] sameInBoth)
    {
        foreach (var code in codes)
        {
            var english = In("en", () => label(code));
            var french = In("fr", () => label(code));
            Assert.That(english, Is.Not.Empty.And.Not.EqualTo(code), code);
            if (!sameInBoth.Contains(code)) Assert.That(french, Is.Not.EqualTo(english), code);
        }
    }

    [Test]
    public void Every_figure_the_report_writes_has_a_label_in_each_language() =>
        Assert.Multiple(() => AssertTranslated(Figures, ReportLabels.Figure));

    [Test]
    public void Every_status_the_report_writes_has_a_label_in_each_language() =>
        Assert.Multiple(() => AssertTranslated(Statuses, ReportLabels.Status));

    [Test]
    public void Every_column_and_sex_has_a_label_in_each_language() =>
        Assert.Multiple(() =>
        {
            AssertTranslated(ProgressReportCsv.Columns.Where(column => !column.EndsWith("_label", StringComparison.Ordinal)).Concat(["unit", "topic", "detail"]), ReportLabels.Column);
            AssertTranslated(Enum.GetValues<Sex>().Select(DbEnum.Name), sex => ReportLabels.Sex(Enum.Parse<Sex>(sex.Replace("_", ""), ignoreCase: true)));
        });

    [Test]
    public void An_unknown_code_is_refused_rather_than_shown_as_a_code() =>
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => ReportLabels.Figure("officials_counted"));
            Assert.Throws<ArgumentOutOfRangeException>(() => ReportLabels.Status("archived"));
        });

    [Test]
    public void Usual_units_are_translated_and_others_kept_as_entered() =>
        Assert.Multiple(() =>
        {
            Assert.That(In("fr", () => ReportLabels.Unit(" Officials ")), Is.EqualTo("fonctionnaires"));
            Assert.That(In("fr", () => ReportLabels.Unit("% of actions due")), Is.EqualTo("% des actions échues"));
            Assert.That(In("en", () => ReportLabels.Unit("officials")), Is.EqualTo("officials"));
            Assert.That(In("fr", () => ReportLabels.Unit("border posts")), Is.EqualTo("border posts"));
        });

    [Test]
    public void An_indicator_is_named_with_its_code_title_and_unit_in_the_readers_language()
    {
        var indicator = new ReportedIndicator("1.1", "Officials trained", "Fonctionnaires formés", "officials", IndicatorMeasure.Unit);
        Assert.Multiple(() =>
        {
            Assert.That(In("fr", () => ReportLabels.Indicator(indicator)), Is.EqualTo("1.1 Fonctionnaires formés (fonctionnaires)"));
            Assert.That(In("en", () => ReportLabels.Indicator(indicator)), Is.EqualTo("1.1 Officials trained (officials)"));
        });
    }
}
