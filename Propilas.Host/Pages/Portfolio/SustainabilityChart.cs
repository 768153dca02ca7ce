using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Propilas.Host.Districts;

namespace Propilas.Host.Pages.Portfolio;

/// <summary>A stacked bar per district of its water systems by sustainability category: inline SVG, no script.</summary>
public static class SustainabilityChart
{
    private static readonly (string Key, string Colour)[] Categories =
    [
        ("sustainability.sustainable", "#2e7d32"), ("sustainability.deteriorating", "#f0b429"),
        ("sustainability.severe", "#d9730d"), ("sustainability.collapsed", "#b3261e"),
    ];

    public static IHtmlContent Render(IReadOnlyList<District> districts, Func<string, string> text)
    {
        const int row = 26, label = 150, bar = 420;
        var inv = CultureInfo.InvariantCulture;
        var svg = new StringBuilder();
        svg.Append(inv, $"<svg role=\"img\" aria-label=\"{Encode(text("Sustainability"))}\" viewBox=\"0 0 {label + bar + 60} {districts.Count * row + 34}\" class=\"chart\">");
        for (var i = 0; i < districts.Count; i++)
        {
            var b = districts[i].Baseline!;
            var y = i * row + 4;
            int[] counts = [b.SystemsSustainable, b.SystemsDeteriorating, b.SystemsSevereDeterioration, b.SystemsCollapsed];
            svg.Append(inv, $"<text x=\"4\" y=\"{y + 15}\" font-size=\"13\">{Encode(districts[i].Name)}</text>");
            double x = label;
            for (var c = 0; c < counts.Length; c++)
            {
                if (counts[c] == 0) continue;
                var width = bar * counts[c] / (double)Math.Max(1, b.SystemsTotal);
                svg.Append(inv, $"<rect x=\"{x:0.#}\" y=\"{y}\" width=\"{width:0.#}\" height=\"18\" fill=\"{Categories[c].Colour}\"><title>{Encode(text(Categories[c].Key))}: {counts[c]}</title></rect>");
                x += width;
            }
            svg.Append(inv, $"<text x=\"{label + bar + 6}\" y=\"{y + 15}\" font-size=\"13\">{b.SystemsTotal}</text>");
        }
        svg.Append(inv, $"<text x=\"4\" y=\"{districts.Count * row + 24}\" font-size=\"12\">");
        foreach (var (key, colour) in Categories)
            svg.Append(inv, $"<tspan fill=\"{colour}\">■</tspan> {Encode(text(key))}  ");
        svg.Append("</text></svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Encode(string s) => WebUtility.HtmlEncode(s);
}
