using Governance.Core.Pii;
using Governance.Core.Pii.Recognizers;

namespace Governance.Core.Tests.Pii;

public sealed class PersonAndAddressTests
{
    private static readonly PiiScanner Scanner = new();

    private static List<(string Type, string Value)> Found(string text) =>
        [.. Scanner.Scan(text).Select(f => (f.Type, text[f.Start..f.End]))];

    [Theory]
    [InlineData("Yesterday Sarah Johnson called about her order", "Sarah Johnson")]
    [InlineData("Please ask Mr. Okonkwo to sign", "Okonkwo")]
    [InlineData("Frau Schneider hat angerufen", "Schneider")]
    [InlineData("Hi, my name is Emily and the app crashed", "Emily")]
    [InlineData("Best regards, Thomas Müller", "Thomas Müller")]
    [InlineData("Dear Jean-Luc Picard, your refund is on its way", "Jean-Luc Picard")]
    [InlineData("The customer Maria Fontaine asked twice", "Maria Fontaine")]
    public void Names_are_found_by_name_lists_titles_and_cues(string text, string value) =>
        Assert.Equal([(PiiTypes.Person, value)], Found(text));

    [Theory]
    [InlineData("The Customer Service Team will reply on Monday")]
    [InlineData("Thank You For Your Patience")]
    [InlineData("We ship from Berlin and Paris")]
    [InlineData("The Golden Gate Bridge is closed")]
    public void Capitalised_words_that_are_not_names_are_left_alone(string text) =>
        Assert.DoesNotContain(Found(text), f => f.Type == PiiTypes.Person);

    [Theory]
    [InlineData("Ship it to 221B Baker Street, London NW1 6XE please", "221B Baker Street, London NW1 6XE")]
    [InlineData("I live at 1600 Pennsylvania Ave NW, Washington, DC 20500.", "1600 Pennsylvania Ave NW, Washington, DC 20500")]
    [InlineData("Meine Adresse: Hauptstraße 5, 10115 Berlin", "Hauptstraße 5, 10115 Berlin")]
    [InlineData("Livrez au 12 rue de la Paix, 75002 Paris.", "12 rue de la Paix, 75002 Paris")]
    public void Street_addresses_are_found_with_their_town(string text, string value) =>
        Assert.Contains((PiiTypes.StreetAddress, value), Found(text));

    [Fact]
    public void The_name_lists_come_from_several_locales()
    {
        Assert.All(["Sarah", "Mathilde", "Giulia", "Sofía", "Daan", "Olga"], name => Assert.True(PersonNames.IsGivenName(name), name));
        Assert.All(["Johnson", "Müller", "Dubois", "Rossi", "García", "Kowalski"], name => Assert.True(PersonNames.IsFamilyName(name), name));
        Assert.False(PersonNames.IsGivenName("May"));
    }
}
