"""Hand-written data behind the sample corpus (`indexer.samplecorpus`).

Everything here is fiction written for the demo and the ranking evaluation: topics
(a subject followed over time, with its names, facts and the ledes of its
articles), section-style sentence pools that fill bodies out, and the tables for
syndicated copies, live-blog updates and aggregated-page boilerplate.

Text blocks are written wrapped; `items` splits a block on blank lines and joins
each item onto one line, so the data stays readable and within the line length.
Placeholders such as ``{work}`` are filled from a topic's `ents`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


def items(block: str) -> tuple[str, ...]:
    """Split a text block on blank lines; each item's whitespace is collapsed."""
    return tuple(" ".join(chunk.split()) for chunk in block.strip().split("\n\n") if chunk.strip())


@dataclass(frozen=True)
class Piece:
    """One article of a topic: its angle (`kind`), day offset, headline and lede."""

    kind: str
    day: int
    title: str
    lede: str
    lang: str = "en"
    long: bool = False
    status: str = "published"
    expires: str = ""
    sponsored: bool = False


@dataclass(frozen=True)
class Topic:
    """A subject followed over time; its articles should be related to each other."""

    slug: str
    section: str
    style: str
    start: str
    tags: tuple[str, ...]
    ents: Mapping[str, str]
    facts: tuple[str, ...]
    pieces: tuple[Piece, ...]
    facts_de: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Syndication:
    """A copy of `pieces[index]` of `topic` republished under another headline."""

    topic: str
    index: int
    title: str
    canonical: bool
    outlet: str


@dataclass(frozen=True)
class LiveUpdate:
    """A later revision of a live blog, stored as its own record."""

    topic: str
    index: int
    title: str
    hours: int
    updates: tuple[str, ...]


# Kinds per style: a piece's `kind` picks the pool; long-form pieces use every pool.
GENERIC: dict[str, dict[str, tuple[str, ...]]] = {
    "film": {
        "review": items("""
            {director} directs with a patient eye, letting scenes breathe long after a more
            nervous filmmaker would have cut away.

            As a piece of {genre}, {work} is more interested in mood than in mechanics, and it
            is better for it.

            {lead} carries much of the picture on their face, and the camera trusts them to do it.

            The supporting turn from {support} is the quiet surprise, funny and wounded in the
            same breath.

            The second act sags a little, as if the script by {writers} was unsure how to
            bridge its two halves.

            At {runtime} minutes the film rarely outstays its welcome, though a tighter edit
            would have helped.

            The production design turns {setting} into a character of its own, all texture and
            weather.

            Not every swing lands, but the ambition is obvious in almost every frame.

            The score is used sparingly, which makes the moments when it swells land harder.

            It is the rare {genre} that trusts its audience to keep up without a voice-over
            explaining everything.

            By the final reel the film has earned its big emotional beat rather than simply
            announcing it.

            Whatever its flaws, it is the kind of film that lingers in conversation on the way
            home.
        """),
        "report": items("""
            {studio} has not commented on the figures, but people close to the production
            described the mood as cautiously optimistic.

            Industry analysts note that original projects in {genre} have struggled to find
            audiences outside the festival circuit in recent years.

            The release date is set for {release}, and early word of mouth has been stronger than
            the marketing campaign suggested.

            {director} has said in earlier interviews that the project took the better part of
            six years to get made.

            Exhibitors say mid-budget titles like {work} are crucial to keeping cinemas busy
            between the summer tentpoles.

            The cast includes {lead} and {support}, with a screenplay credited to {writers}.

            Streaming rights are expected to stay with {studio} once the theatrical window
            closes.

            Distributors watch the second-weekend drop closely, since it is usually the better
            measure of word of mouth.

            Premium formats accounted for an unusually large share of ticket sales, according to
            one exhibitor.

            Much of the shoot took place on location, a choice {director} has defended as
            essential to the look of the film.

            A wider international rollout is planned over the coming weeks.
        """),
    },
    "tv": {
        "review": items("""
            {creator} builds the season patiently, and the payoff in the final two episodes
            justifies the slow start.

            {lead} anchors the ensemble with a performance that gets richer with every episode.

            Not every subplot earns its screen time, and the middle episodes could lose ten
            minutes apiece.

            The writers, led by {writers}, have a real ear for how people talk when they are
            scared.

            As {genre} goes, the show is unusually willing to sit with silence.

            {support} steals several episodes outright, and deserves a bigger share of the story
            next time.

            The production values are lavish by any standard, and {setting} looks tactile rather
            than digital.

            Episodes run around {runtime} minutes, which suits the material better than the
            bloated hour-plus format.

            It is a show that rewards attention; watch it with one eye on your phone and you will
            miss half of it.

            The cliffhanger is well judged, opening new questions without cheating on the old
            ones.

            Few series this season look as confident about what they want to be.
        """),
        "report": items("""
            {platform} rarely releases viewing figures, but the show spent several weeks in its
            top-ten chart.

            {creator} has said the story was planned from the start as a multi-season arc.

            The show premiered on {release}, with new episodes arriving weekly.

            Production is based in studios outside the city, with location work adding weeks to
            the schedule.

            Casting news has been greeted warmly by fans who had campaigned online for their
            favourites.

            A spokesperson for {platform} declined to comment on budget figures reported in the
            trade press.

            Critics have been broadly positive, though some have questioned the pacing of the
            middle episodes.

            {lead} is expected to return, alongside {support}, according to people familiar with
            the plans.

            The series has become one of the most discussed titles on social media since its
            debut.

            Renewal decisions at {platform} increasingly hinge on completion rates rather than
            raw audience size.

            The writers' room is due to reconvene early next year.
        """),
    },
    "news": {
        "report": items("""
            {official} told reporters that the priority remained the safety of {group}.

            Officials at {agency} said further updates would be published throughout the day.

            People in {place} described a tense night, with many saying they had received little
            warning.

            Opposition councillors said the response to {issue} exposed years of
            underinvestment.

            A spokesperson for {agency} said it was too early to say how long the disruption would
            last.

            Local businesses in {place} said they were already counting the cost.

            The government said it would consider requests for emergency funding once an
            assessment had been completed.

            Community groups have set up collection points for donations and volunteers.

            {official} said lessons would be learned, but declined to say whether an independent
            review would be held.

            Police asked people to avoid {place} unless their journey was essential.

            Further information is expected after a briefing scheduled for later in the week.
        """),
        "analysis": items("""
            The episode raises hard questions about how {place} prepares for events that were
            once considered rare.

            Experts say the handling of {issue} will shape public trust in {agency} for years.

            Budget documents show that spending on prevention has fallen in real terms over the
            past decade.

            For {group}, the debate is less abstract: it is about whether the same thing could
            happen again next year.

            {official} has faced criticism from colleagues over the pace of the response.

            Comparisons with other regions suggest the problem is not unique, but the scale here
            is unusual.

            An inquiry, if one is held, is likely to focus on the first forty-eight hours.

            Economists warn that the indirect costs will take far longer to show up than the
            damage itself.

            Campaigners argue that the warning signs were visible long before the crisis broke.

            Whatever happens next, the political fallout is unlikely to settle quickly.
        """),
    },
    "football": {
        "match": items("""
            {coach} has insisted all season that the squad is deeper than people give it credit
            for.

            {star} was the standout performer again, and opposition defences have started to set
            up specifically to stop that threat.

            The atmosphere at {ground} was as loud as it has been in years.

            A run of fixtures against sides in the bottom half of {league} offers a chance to
            build momentum.

            Set pieces remain a weakness, with too many goals conceded from corners.

            The midfield pressed high and won the ball back in dangerous areas throughout the
            first half.

            Injuries have forced the manager to rotate more than anyone would like.

            Supporters will remember the meeting with {rival} as a turning point, for better or
            worse.

            The January transfer window looms large, with the club expected to look for a new
            centre-back.

            Expected-goals figures suggest the results have, if anything, flattered the
            opposition.

            Nobody at the club is getting carried away, but the mood has undeniably shifted.
        """),
        "analysis": items("""
            The club's wage bill has risen sharply over three seasons, a gamble that only pays
            off with consistent results.

            Data from the last twenty matches shows a side that creates more chances than it
            concedes, but finishes poorly.

            The tactical shift to a back three has divided opinion among supporters of
            {team}.

            The academy has quietly become one of the most productive in {league}.

            Comparisons with {rival} are inevitable, given how the two clubs' recent histories
            have intertwined.

            Questions about ownership have hovered over the club for several seasons.

            The next six weeks of fixtures will tell us more than the previous six months.

            Recruitment has leaned heavily on younger players with resale value.

            The contract situation of {star} is the subplot nobody at the club wants to discuss
            publicly.

            Season-ticket holders have been vocal about price increases for next year.
        """),
    },
    "athlete": {
        "match": items("""
            {star} has spoken openly about the mental side of competing at the top level of
            {sport}.

            The conditions at {venue} made for a punishing day, and several contenders lost
            ground.

            {coach} said the plan had always been to peak for {event} rather than chase early
            results.

            {rival} remains the benchmark, and every comparison in the build-up ran through that
            name.

            The crowd was firmly on the underdog's side, and it showed in the closing stages.

            Physios worked through the evening on a niggling injury the team had tried to keep
            quiet.

            Few expected this level of form so soon, least of all the bookmakers.

            Tactically, it was a day of patience rather than fireworks.

            Sponsors have taken note; the commercial interest around {star} has grown quickly.

            There is still a long way to go, and the hardest tests are yet to come.
        """),
        "analysis": items("""
            The numbers behind the resurgence point to a change in training rather than luck.

            Younger rivals have closed the gap in {sport}, making every result harder won than a
            decade ago.

            The team around {star} has invested heavily in sports science since a disappointing
            season.

            Comparisons with {rival} dominate the coverage, but the two have very different
            styles.

            The calendar in {sport} has become more crowded, and recovery between events is a
            constant concern.

            What happens at {event} will decide how this season is remembered.

            Former professionals say the sport has rarely seen a rise of this kind.

            The governing body is reviewing scheduling after complaints from several athletes.
        """),
    },
    "tech": {
        "review": items("""
            Battery life comfortably lasted a full day of heavy use in our testing, with a little
            left over.

            The {product} costs {price}, which puts it in direct competition with the best from
            {rival}.

            Software updates are promised for years, a commitment {company} has not always
            honoured in the past.

            The build quality is excellent, though the finish picks up fingerprints far too
            easily.

            Performance is smooth for everyday tasks, and demanding games run without obvious
            throttling.

            Setup is painless, but the number of preinstalled apps is irritating at this price.

            The display is bright enough to read comfortably in direct sunlight.

            If you already own last year's model, there is little reason to upgrade.

            Accessibility settings are thoughtful and easy to find, which is not a given in the
            {category} market.

            Overall it is the most complete {category} {company} has made, if not the most
            exciting.
        """),
        "report": items("""
            {company} said it was aware of the reports and was working on a fix.

            {exec} told investors that demand had exceeded internal forecasts.

            Analysts expect {rival} to respond with price cuts before the holiday season.

            Regulators in several markets have asked {company} for more information.

            Shares in {company} moved sharply in after-hours trading following the announcement.

            Supply-chain sources say production volumes were increased last quarter.

            The company declined to share sales figures, as is its custom.

            Developers have been given early access to the new tools ahead of the public release.

            Consumer groups say buyers should check their warranty terms before seeking repairs.

            A software update is expected to roll out over the coming weeks.
        """),
    },
    "science": {
        "report": items("""
            The findings, published in {journal}, are based on several years of data.

            {scientist}, who led the work at {institution}, cautioned that the results need to
            be replicated.

            Independent experts described the study as careful, though limited in scale.

            Funding for the project came from a mix of public grants and philanthropic donors.

            The team plans to release its data so that other groups can check the analysis.

            Researchers in {field} have debated the question for more than a decade.

            The results were presented at a conference before formal publication.

            Some colleagues have questioned whether the sample is representative.

            {institution} said the next phase would begin within a year, subject to funding.

            The work adds to a growing body of evidence, rather than settling the matter.
        """),
        "feature": items("""
            For {scientist}, the project has been the focus of most of a career.

            Fieldwork is slow, painstaking and frequently interrupted by weather, equipment
            failures and paperwork.

            The bigger picture, researchers say, is how little we still know.

            Younger scientists on the team describe a culture of open argument.

            Public interest has surged, bringing both welcome attention and unwanted pressure.

            {field} has been transformed by cheaper sensors and faster computers over the last
            decade.

            Not every result has been positive, and the team is candid about the dead ends.

            Funding cycles rarely match the timescales that this kind of science requires.

            What happens next depends as much on politics as on data.
        """),
    },
    "business": {
        "report": items("""
            Shares in {company} rose in early trading after the announcement.

            {exec} said the company remained committed to its long-term strategy.

            Analysts said the figures were broadly in line with expectations.

            The company employs thousands of people, many of them in {place}.

            Trade unions said they would seek urgent talks with management.

            The competition regulator is expected to examine the details.

            A spokesperson for {company} declined to comment on speculation about job cuts.

            {rival} has been watching closely, according to people familiar with its thinking.

            Investors will get a fuller picture when annual results are published.

            The {sector} sector has been squeezed by rising costs and cautious consumers.
        """),
        "analysis": items("""
            The longer-term question is whether {company} can grow without sacrificing margins.

            Debt levels across the {sector} sector have risen sharply since interest rates
            climbed.

            Consumers, for their part, have become more price-sensitive and less loyal.

            {exec} has staked a reputation on the turnaround plan.

            Previous attempts at consolidation in the sector have a mixed record.

            Pension funds are among the largest shareholders, and their patience is not
            unlimited.

            Comparisons with {rival} are instructive: it cut costs earlier and deeper.

            Much depends on the wider economy over the next twelve months.

            Few executives in the {sector} business would claim to know where prices will
            settle.
        """),
    },
    "travel": {
        "guide": items("""
            The best time to go is {season}, when the crowds thin and prices fall.

            The most practical way in is {transport}, though connections can be patchy outside
            the high season.

            Do not leave without trying {dish}, ideally somewhere without an English menu.

            Book accommodation early; the good small guesthouses fill up months ahead.

            Cash is still useful in the smaller villages, where card machines are unreliable.

            A week is enough to see the highlights without rushing.

            The weather can turn quickly, so pack layers even in summer.

            {highlight} is the obvious draw, but the quieter corners reward a slower pace.

            Local tourist offices are helpful and often better informed than the apps.

            Travel insurance that covers outdoor activities is worth the extra cost.
        """),
        "feature": items("""
            There is a particular light in {place} in the late afternoon that no photograph
            quite captures.

            Tourism has brought money to {country}, but also arguments about who it is really
            for.

            Locals are generous with directions and even more generous with opinions about food.

            The pace of life slows noticeably once you leave the main roads.

            Every conversation seemed to circle back to the weather, the harvest or the football.

            It is the kind of trip that rearranges your sense of what a holiday should be.

            Slow travel is not a slogan here; it is simply how things work.

            By the last evening, {highlight} felt less like a sight and more like a neighbour.

            It is not the easiest place to reach, which is precisely the point.
        """),
    },
}

# German pools: one per style, names only from `ents` (their other values are English).
GENERIC_DE: dict[str, tuple[str, ...]] = {
    "film": items("""
        {director} inszeniert mit ruhiger Hand und lässt den Szenen Zeit zum Atmen.

        {lead} trägt den Film über weite Strecken fast allein.

        Mit {runtime} Minuten ist der Film nicht kurz, aber selten langatmig.

        Nicht jede Idee zündet, doch der Ehrgeiz ist in jeder Einstellung spürbar.

        Die Musik wird sparsam eingesetzt, umso stärker wirken die wenigen großen Momente.

        {studio} hat sich zu den Einspielergebnissen bisher nicht geäußert.

        Das Drehbuch von {writers} nimmt sich Zeit für seine Figuren.

        Am Ende bleibt ein Film, über den man auf dem Heimweg noch lange spricht.

        Die Kritik in den USA zeigte sich überwiegend begeistert.
    """),
    "tv": items("""
        {creator} erzählt die Staffel geduldig, und das Finale belohnt diese Geduld.

        {lead} überzeugt in der Hauptrolle mit einer nuancierten Darstellung.

        Nicht jeder Nebenstrang trägt, und die mittleren Folgen hätten kürzer sein können.

        Die Folgen dauern rund {runtime} Minuten, was dem Stoff gut bekommt.

        Die Serie ist bei {platform} zu sehen; neue Folgen erscheinen wöchentlich.

        {support} stiehlt in mehreren Episoden allen die Show.

        Die Ausstattung ist aufwendig, die Kulissen wirken greifbar statt digital.

        Wer nebenbei aufs Handy schaut, verpasst die Hälfte.
    """),
    "tech": items("""
        Der Akku hielt in unserem Test einen ganzen Tag intensiver Nutzung durch.

        Das {product} kostet {price} und konkurriert damit direkt mit den Spitzenmodellen von
        {rival}.

        Die Verarbeitung ist hochwertig, allerdings zieht die Oberfläche Fingerabdrücke an.

        Im Alltag läuft das System flüssig, auch anspruchsvolle Spiele ruckeln kaum.

        {company} erklärte, man kenne die Berichte und arbeite an einer Lösung.

        Verbraucherschützer raten Betroffenen, sich an den Kundendienst zu wenden.

        Wer das Vorjahresmodell besitzt, muss nicht unbedingt umsteigen.

        Analysten erwarten, dass {rival} mit Preissenkungen reagiert.
    """),
    "science": items("""
        Die Ergebnisse beruhen auf jahrelanger Vorarbeit.

        Unabhängige Fachleute bewerten die Arbeit als sorgfältig.

        Die Finanzierung stammt aus öffentlichen Mitteln und Beiträgen mehrerer Länder.

        Die Daten sollen auch anderen Forschungsgruppen zur Verfügung gestellt werden.

        Bis belastbare Ergebnisse vorliegen, dürften noch Jahre vergehen.

        Das öffentliche Interesse an dem Projekt ist groß.

        Nicht jeder Schritt verlief nach Plan, wie das Team offen einräumt.

        Was als Nächstes geschieht, hängt auch von politischen Entscheidungen ab.
    """),
    "travel": items("""
        Die beste Reisezeit sind Frühjahr und Herbst, wenn es ruhiger und günstiger wird.

        Frühzeitig buchen lohnt sich, denn die begehrten Plätze sind schnell vergeben.

        Eine Reiseversicherung mit Stornoschutz ist empfehlenswert.

        Wer langsam reist, erlebt mehr von der Landschaft.

        Die Anreise selbst wird hier zum Teil des Urlaubs.

        Am Ende der Reise fühlt man sich eher angekommen als nach jedem Flug.

        Viele Reisende schätzen es, unterwegs Zeit zu sparen und zugleich die Hotelkosten zu
        vermeiden.
    """),
    "business": items("""
        Die Aktie von {company} geriet nach der Mitteilung deutlich unter Druck.

        Analysten zeigten sich von den Zahlen wenig überrascht.

        Gewerkschaften forderten rasche Gespräche mit dem Management.

        Ein Sprecher von {company} wollte sich zu Spekulationen über Stellenabbau nicht äußern.

        Die gesamte Branche leidet unter steigenden Kosten und vorsichtigen Kunden.

        Der Konkurrent {rival} beobachtet die Entwicklung genau.

        Ein vollständigeres Bild wird die Vorlage der Jahreszahlen liefern.
    """),
}

AUTHORS: dict[str, tuple[str, ...]] = {
    "film": ("Nadia Brooks", "Owen Hartley", "Lucía Ferrer"),
    "tv": ("Jess Whitmore", "Sam Adeyemi", "Clara Byrne"),
    "news": ("Tom Riordan", "Aisha Karim", "Megan Doyle"),
    "sport": ("Danny Costa", "Rob Fenton", "Kerry Walsh"),
    "technology": ("Ravi Menon", "Julia Stein", "Chris Parker"),
    "science": ("Helen Ogden", "Marcus Lee", "Ingrid Nyström"),
    "business": ("Fiona Grant", "Nikhil Shah", "Paul Mercer"),
    "travel": ("Rosa Lindgren", "Ben Carver", "Amelie Fox"),
}
AUTHORS_DE: tuple[str, ...] = ("Katrin Weber", "Jonas Hoffmann", "Miriam Albrecht")

# Tags added by a piece's angle (kinds not listed add none).
KIND_TAGS: dict[str, str] = {
    "review": "review",
    "analysis": "analysis",
    "feature": "feature",
    "guide": "guide",
    "match": "match report",
}
LONG_TAG = "long-read"

# Aggregated film/TV pages: the "FilmDaily" boilerplate the indexer must strip.
AGGREGATOR = "FilmDaily"
PUBLISHERS: tuple[str, ...] = ("ReelWire", "Screen Ledger", "CineBeat", "Frame Rate Weekly")

# Light edits that turn an original into a syndicated copy.
SYNONYMS: tuple[tuple[str, str], ...] = (
    ("said", "stated"),
    ("more than", "over"),
    ("expected", "likely"),
    ("around", "about"),
    ("several", "a number of"),
    ("began", "started"),
    ("announced", "confirmed"),
    ("warned", "cautioned"),
    ("quickly", "rapidly"),
    ("people", "residents"),
)
WIRE_ADDITIONS: tuple[str, ...] = (
    "Additional reporting by {outlet}.",
    "This story has been updated with further details.",
    "{outlet} contributed to this report.",
    "More details are expected later in the day.",
)


# ---------------------------------------------------------------------------- film

ORBITAL_DRIFT = Topic(
    slug="orbital-drift",
    section="film",
    style="film",
    start="2024-12-10",
    tags=("Orbital Drift", "Mara Lindqvist", "science fiction", "Idris Kahn"),
    ents={
        "work": "Orbital Drift",
        "director": "Mara Lindqvist",
        "lead": "Idris Kahn",
        "support": "Noor Halvorsen",
        "studio": "Warner Bros.",
        "genre": "science-fiction thriller",
        "setting": "the ageing Tern research station",
        "release": "March 7, 2025",
        "runtime": "124",
        "writers": "Mara Lindqvist and Theo Marsh",
    },
    facts=items("""
        Orbital Drift follows a maintenance engineer aboard a decaying research station who
        discovers that the crew's tour of duty has been quietly extended, again and again, by a
        company that no longer answers its messages.

        Idris Kahn plays Elias Okonjo, the station's last qualified engineer, a man who talks to
        the failing life-support system as if it were an old dog.

        Much of the film takes place in corridors barely wide enough for two people to pass, and
        Lindqvist shoots them with a handheld camera that never quite settles.

        The station itself, named Tern, was built as a full-scale set in a former aircraft hangar
        rather than generated on computers.

        Noor Halvorsen plays the station's medical officer, who begins to suspect that the
        extension orders are being forged from inside the crew.

        The script keeps its science plausible: there are no aliens and no wormholes, only air
        scrubbers, radiation doses and a resupply capsule that never arrives.

        Lindqvist has said the story grew out of conversations with offshore oil workers about
        rotations that stretched from weeks into months.

        The sound design leans on the constant hum of fans and pumps, so that silence, when it
        finally comes, feels like a threat.

        A mid-film spacewalk, shot on wires against real black drapes, is the most talked-about
        sequence.

        Critics have compared the slow-burning paranoia of the film to the best science fiction
        of the 1970s.

        The mutiny at the heart of the story is less an uprising than a gradual refusal, as crew
        members simply stop logging their hours.

        Kahn lost weight over the shoot to capture what a year of recycled air does to a body.

        The visual palette moves from sterile white to rust and amber as the station's systems
        fail one by one.

        Composer Ilse Varga built the score from recordings of real station machinery slowed to
        a crawl.

        Warner Bros. positioned the film as an adult alternative to the spring blockbusters,
        with a modest marketing budget.

        Lindqvist, previously known for a small Swedish drama about a lighthouse keeper, makes
        her English-language debut here.

        Halvorsen's character keeps a paper diary, the only record on board that the company
        cannot edit remotely.

        The ending, which refuses to say whether help is coming, has split audiences sharply.

        Several former astronauts praised the depiction of the tedium of life in orbit after a
        special screening.

        The production consulted a former flight surgeon on how crews cope with isolation and
        broken sleep.

        The budget has not been confirmed, but it is understood to be a fraction of a typical
        space epic.

        The final shot, a slow pull back from the station's single lit window, has become one
        of the defining images of the year.

        Fan theories about the identity of the forger have circulated widely since the release.

        The film was shot in sequence, so that the actors' exhaustion built up naturally over
        the schedule.

        Lindqvist has resisted calls for a sequel, saying the story of Tern is finished.

        The station's computer, voiced with unsettling calm, is never given a name.

        Okonjo's daily ritual of checking every seal on the hull becomes, by the last act, a kind
        of prayer.

        A subplot about a crew member's child on Earth, seen only in delayed video messages, gives
        the film its most painful scenes.
    """),
    facts_de=items("""
        Orbital Drift erzählt von einem Techniker auf einer verfallenden Forschungsstation, dessen
        Dienstzeit immer wieder heimlich verlängert wird.

        Idris Kahn spielt den Ingenieur Elias Okonjo, der mit der altersschwachen
        Lebenserhaltung spricht wie mit einem alten Hund.

        Regisseurin Mara Lindqvist dreht in engen Korridoren mit unruhiger Handkamera.

        Die Station Tern wurde als begehbare Kulisse in einem ehemaligen Flugzeughangar gebaut.

        Noor Halvorsen spielt die Bordärztin, die ahnt, dass die Befehle an Bord gefälscht
        werden.

        Außerirdische gibt es nicht, nur Luftfilter, Strahlendosen und eine Versorgungskapsel,
        die nie ankommt.

        Das Sounddesign setzt auf das ständige Brummen von Lüftern und Pumpen.

        Das offene Ende spaltet das Publikum.

        Die Farbpalette wandert von sterilem Weiß zu Rost und Bernstein.

        Für Lindqvist ist es der erste englischsprachige Film.
    """),
    headings=("The station", "The crew", "The sound of failure", "The ending"),
    pieces=(
        Piece(
            "report",
            0,
            "First trailer for Orbital Drift teases a slow mutiny in low orbit",
            """Warner Bros. has released the first trailer for Orbital Drift, Mara Lindqvist's
            space-station thriller, and it promises rust, sweat and a crew that has stopped
            believing it will ever go home.""",
        ),
        Piece(
            "report",
            40,
            "Mara Lindqvist on building a space station that smells of rust",
            """In a long conversation ahead of the release, the Swedish director explains why she
            refused to shoot a single corridor against a green screen, and why her engineer hero
            talks to the machines.""",
        ),
        Piece(
            "review",
            85,
            "Orbital Drift review: claustrophobic, cold and quietly devastating",
            """Idris Kahn gives the performance of his career as an engineer holding a dying
            station together with tape and stubbornness. It is the best science fiction of the
            spring, and the least flashy.""",
        ),
        Piece(
            "report",
            95,
            "Orbital Drift holds steady in its second weekend as word of mouth spreads",
            """Box office for Lindqvist's orbital thriller dipped only slightly in its second
            weekend, a rare result for an adult original and a sign that audiences are
            recommending it to each other.""",
        ),
        Piece(
            "report",
            200,
            "Inside the long, strange making of Orbital Drift",
            """Six years, one aircraft hangar, a composer with a microphone taped to an air pump
            and a lead actor who stopped eating properly: the story of how a small Swedish
            director made the most unsettling space film in years.""",
            long=True,
        ),
        Piece(
            "report",
            420,
            "Orbital Drift lands on streaming and finds a second audience",
            """A year after its modest cinema run, Orbital Drift has climbed the streaming charts,
            and a new wave of viewers is arguing online about its ending and about who forged the
            orders.""",
        ),
        Piece(
            "report",
            600,
            "Will there be an Orbital Drift sequel? What Lindqvist has said so far",
            """With the film still finding viewers, questions about a return to the Tern station
            keep coming. Here is everything the director and the studio have said on the
            record.""",
            status="draft",
        ),
        Piece(
            "review",
            88,
            "Orbital Drift: Kammerspiel im Orbit",
            """Mara Lindqvists Raumstation-Thriller ist kalt, eng und überraschend bewegend. Idris
            Kahn spielt einen Ingenieur, der eine sterbende Station mit Klebeband und Trotz
            zusammenhält.""",
            lang="de",
        ),
        Piece(
            "report",
            430,
            "Orbital Drift startet im Streaming und findet ein neues Publikum",
            """Ein Jahr nach dem Kinostart klettert Orbital Drift in den Streaming-Charts nach
            oben. Im Netz wird erneut über das offene Ende diskutiert.""",
            lang="de",
        ),
    ),
)

SALTMARSH_WIDOW = Topic(
    slug="saltmarsh-widow",
    section="film",
    style="film",
    start="2025-07-01",
    tags=("The Saltmarsh Widow", "horror", "A24", "Colm Reddy"),
    ents={
        "work": "The Saltmarsh Widow",
        "director": "Colm Reddy",
        "lead": "Ada Whitlock",
        "support": "Ruairi Dunne",
        "studio": "A24",
        "genre": "gothic horror",
        "setting": "a flooded coastal marsh",
        "release": "October 10, 2025",
        "runtime": "109",
        "writers": "Colm Reddy",
    },
    facts=items("""
        The Saltmarsh Widow is set in 1890, in a farmhouse cut off by the tide twice a day.

        Ada Whitlock plays Hester Crane, a widow who begins to hear her drowned husband calling
        from the reeds at night.

        Reddy grew up near the Irish coast and says the film is as much about grief as it is
        about ghosts.

        Much of the dread comes from sound: the creak of wet timber, the slap of water against a
        bolted door.

        It was shot on 35mm in natural light, which makes the night scenes genuinely hard to see.

        Ruairi Dunne plays a travelling curate whose kindness curdles into something more
        possessive.

        There is almost no music; the marsh birds do most of the work.

        Reddy avoids jump scares, preferring long shots in which something may or may not be
        moving in the background.

        The farmhouse was built on a real tidal island, and the crew had to schedule every day
        around the water.

        Whitlock's performance has drawn comparisons with the great gothic heroines of classic
        cinema.

        The final twenty minutes, set during a storm surge, were filmed over eleven cold nights.

        Folk tales of drowned villages along the east coast inspired the screenplay.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "A24 sets October release for Colm Reddy's The Saltmarsh Widow",
            """The studio behind some of the most admired horror films of the decade has dated
            Colm Reddy's first feature, a period ghost story starring Ada Whitlock, for the
            Halloween corridor.""",
        ),
        Piece(
            "report",
            80,
            "Win tickets to a preview screening of The Saltmarsh Widow",
            """We have pairs of tickets to give away for an early screening of Reddy's marsh-set
            horror, followed by a recorded question-and-answer session with the cast.""",
            expires="2025-09-30",
        ),
        Piece(
            "review",
            98,
            "The Saltmarsh Widow review: grief rises with the tide",
            """Colm Reddy's debut is a slow, soaking ghost story that understands that the most
            frightening thing in a haunted house is the person who refuses to leave it.""",
        ),
        Piece(
            "report",
            105,
            "The Saltmarsh Widow gives A24 its strongest horror opening in years",
            """The period chiller beat expectations on its opening weekend, helped by strong
            reviews and an audience that skewed younger than the studio expected for a film shot
            almost entirely by candlelight.""",
        ),
        Piece(
            "report",
            140,
            "Ada Whitlock: 'I spent three months learning to row in a corset'",
            """The star of The Saltmarsh Widow talks about cold nights on a tidal island, playing
            grief without tears, and why she did not watch a single horror film while preparing
            for the role.""",
        ),
        Piece(
            "review",
            300,
            "The Saltmarsh Widow on home release: a second look at the year's best ghost story",
            """On a small screen, with the lights off and the sound up, Reddy's marsh horror is
            even more unnerving, and the details hidden in its dark corners are easier to
            find.""",
        ),
    ),
)

PAPER_LANTERNS = Topic(
    slug="paper-lanterns",
    section="film",
    style="film",
    start="2025-02-15",
    tags=("Paper Lanterns", "animation", "family", "Yuki Arakawa"),
    ents={
        "work": "Paper Lanterns",
        "director": "Yuki Arakawa",
        "lead": "Mina Sato",
        "support": "Paul Brennan",
        "studio": "Netflix",
        "genre": "animated adventure",
        "setting": "a river town lit by floating lanterns",
        "release": "July 18, 2025",
        "runtime": "98",
        "writers": "Yuki Arakawa and Dana Lowell",
    },
    facts=items("""
        Paper Lanterns follows a girl named Kiko who folds a lantern that comes to life on the
        night of her town's summer festival.

        The animation blends hand-drawn characters with painted backgrounds that look like
        watercolour on rice paper.

        Mina Sato voices Kiko with a mix of stubbornness and wonder that never tips into
        cuteness.

        Arakawa spent years at a traditional animation studio before moving into feature
        direction.

        The lantern, named Hoshi, communicates only through light and colour, never through
        words.

        The villain is not a monster but a flood that threatens to wash the festival away.

        Paul Brennan voices Kiko's grandfather, a retired lantern maker who has lost the will to
        work since his wife died.

        The film is gentle enough for young children, though a storm sequence may frighten the
        smallest viewers.

        Its score mixes traditional bamboo flutes with a full orchestra.

        Parents have praised the way it treats grief and change honestly.

        The animators used hand-folded paper models as references for every lantern on screen.

        Streaming figures suggest it found a huge audience among families during the school
        holidays.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Netflix unveils Paper Lanterns, a hand-drawn summer fable",
            """The streamer has shown the first images from Yuki Arakawa's animated feature,
            a story of a girl, her grieving grandfather and a lantern that learns to glow on its
            own.""",
        ),
        Piece(
            "review",
            153,
            "Paper Lanterns review: a small, glowing wonder for all ages",
            """Hand-drawn, unhurried and unexpectedly moving, Arakawa's fable about a lantern
            that comes to life is the rare family film that adults may enjoy even more than
            their children.""",
        ),
        Piece(
            "report",
            175,
            "Paper Lanterns is quietly becoming the family hit of the summer",
            """Without a big marketing push, the animated festival story has spent three weeks at
            the top of the streaming chart, driven by parents recommending it in school
            playgrounds and group chats.""",
        ),
        Piece(
            "report",
            210,
            "How the animators of Paper Lanterns folded a thousand lanterns by hand",
            """Before a single frame was drawn, the team built every lantern in the film out of
            real paper, photographed it under candlelight and pinned it to the studio wall.""",
        ),
        Piece(
            "review",
            320,
            "Paper Lanterns and the return of hand-drawn animation",
            """The success of a modest watercolour fable has reopened an old argument about
            whether computer animation has made family films look too much alike.""",
        ),
        Piece(
            "report",
            400,
            "Paper Lanterns 2: Netflix in early talks with Yuki Arakawa",
            """People familiar with the discussions say the streamer wants a second film set in
            Kiko's river town, though the director has yet to agree.""",
            status="draft",
        ),
    ),
)

KINGSWAY = Topic(
    slug="kingsway",
    section="film",
    style="film",
    start="2025-05-20",
    tags=("Kingsway", "crime", "heist", "Dev Malhotra"),
    ents={
        "work": "Kingsway",
        "director": "Dev Malhotra",
        "lead": "Callum Rourke",
        "support": "Simone Achebe",
        "studio": "Apple TV+",
        "genre": "crime thriller",
        "setting": "a rain-soaked 1980s London",
        "release": "November 21, 2025",
        "runtime": "141",
        "writers": "Dev Malhotra and Ruth Ellery",
    },
    facts=items("""
        Kingsway reconstructs a fictional bullion robbery at a London security depot in the
        winter of 1983.

        Callum Rourke plays Frank Dolan, a former boxer who plans the job as a way out of debt.

        Simone Achebe plays the detective sergeant who is the only one to suspect an inside man.

        The robbery itself takes up barely fifteen minutes; the rest of the film deals with the
        fallout.

        Malhotra shot the raid in a single unbroken take using a remote-controlled camera rig.

        The period detail, from the cars to the cigarette brands, is meticulous.

        At well over two hours it takes its time, and some viewers will find the final act
        overlong.

        The gold, once stolen, proves almost impossible to sell without attracting attention.

        Achebe's interrogation scenes crackle with tension and dry humour.

        Malhotra grew up in south London and says the story is about class as much as crime.

        The soundtrack is built around post-punk and early electronic music of the period.

        A limited cinema run preceded the arrival of the film on Apple TV+ in December.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Apple's Kingsway wraps filming after a gruelling London shoot",
            """Dev Malhotra's period crime drama finished its shoot after fourteen weeks of night
            work in south London, including a single-take robbery sequence that took nine days
            to rehearse.""",
        ),
        Piece(
            "report",
            120,
            "Kingsway trailer: Callum Rourke plans the robbery of the decade",
            """The first trailer for Malhotra's heist film shows Rourke as a debt-ridden former
            boxer and Simone Achebe as the detective who will not let the case go.""",
        ),
        Piece(
            "review",
            180,
            "Kingsway review: a heist film more interested in what comes after",
            """The robbery is thrilling, but the best of Dev Malhotra's long, moody crime saga is
            the slow collapse that follows, as a fortune in gold turns out to be worth nothing to
            the men who stole it.""",
        ),
        Piece(
            "report",
            215,
            "Kingsway becomes Apple TV+'s most-watched film debut of the year",
            """After a short run in cinemas, the London heist drama has drawn the streamer's
            biggest opening audience for a film this year, according to figures shared with the
            trade press.""",
        ),
        Piece(
            "report",
            230,
            "The single-take robbery that anchors Kingsway, explained",
            """How a remote-controlled camera, a replica security depot and nine days of
            rehearsal produced the fifteen unbroken minutes everyone is talking about.""",
        ),
        Piece(
            "report",
            240,
            "Kingsway director accused of borrowing plot from 1990s TV drama",
            """A screenwriter has claimed that the plot of Dev Malhotra's heist film closely
            follows an unproduced script he submitted to a broadcaster decades ago.""",
            status="unpublished",
        ),
    ),
)

QUIET_CONDUCTOR = Topic(
    slug="quiet-conductor",
    section="film",
    style="film",
    start="2025-10-05",
    tags=("The Quiet Conductor", "biopic", "classical music", "Tomasz Brandt"),
    ents={
        "work": "The Quiet Conductor",
        "director": "Helena Marsh",
        "lead": "Tomasz Brandt",
        "support": "Greta Olsen",
        "studio": "Disney+",
        "genre": "musical biopic",
        "setting": "post-war Vienna and New York",
        "release": "February 13, 2026",
        "runtime": "132",
        "writers": "Helena Marsh and Owen Pike",
    },
    facts=items("""
        The Quiet Conductor tells the story of Anton Reiss, a fictional conductor who lost his
        hearing at the height of his career.

        Tomasz Brandt learned to conduct for the role, spending months with a professional
        orchestra.

        The film moves between Reiss's triumphs in 1950s New York and his final years teaching
        in Vienna.

        Greta Olsen plays his wife and manager, whose own ambitions are slowly swallowed by his.

        The concert scenes were recorded live with a full orchestra rather than mimed to
        playback.

        Sound drops out entirely in several scenes, putting the audience inside Reiss's deafness.

        Marsh has said she was drawn to the story of an artist forced to find music in
        vibration and memory.

        Critics have singled out a rehearsal scene in which Reiss conducts by feeling the floor
        through his shoes.

        The costume design moves from wartime austerity to post-war glamour.

        Some musicians have questioned the film's liberties with how orchestras actually
        rehearse.

        The film premiered at an autumn festival before its streaming release.

        Brandt is widely tipped for awards attention.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "The Quiet Conductor premieres to a standing ovation at autumn festival",
            """Helena Marsh's drama about a conductor who goes deaf received a twelve-minute
            ovation at its world premiere, with Tomasz Brandt visibly moved in the stalls.""",
        ),
        Piece(
            "review",
            2,
            "The Quiet Conductor review: a biopic that listens harder than most",
            """Instead of building to a triumphant final concert, Helena Marsh's film builds to
            silence, and Tomasz Brandt makes that silence devastating.""",
        ),
        Piece(
            "report",
            76,
            "Live-score screening of The Quiet Conductor: book your seats",
            """A symphony orchestra will perform the film's concert pieces live under the screen
            for two nights only, with tickets released to readers first.""",
            expires="2025-12-20",
        ),
        Piece(
            "report",
            90,
            "Tomasz Brandt on learning to lead an orchestra in six months",
            """The Polish actor describes blistered hands, a patient conductor who let him
            rehearse with her players, and the day he realised he had to stop listening to act
            the part.""",
        ),
        Piece(
            "report",
            131,
            "The Quiet Conductor arrives on Disney+ after festival buzz",
            """The awards contender about a deaf maestro is now streaming, giving viewers who
            missed its short cinema run a chance to see what the festival audiences were crying
            about.""",
        ),
        Piece(
            "report",
            150,
            "Awards season: Tomasz Brandt picks up best actor nominations",
            """Brandt's performance as a conductor who loses his hearing has earned him
            nominations from three major voting bodies, and his name is now near the top of
            every prediction list.""",
        ),
    ),
)


# ------------------------------------------------------------------------------ tv

LONG_QUIET = Topic(
    slug="long-quiet",
    section="tv",
    style="tv",
    start="2024-12-05",
    tags=("The Long Quiet", "HBO", "science fiction", "Priya Anand"),
    ents={
        "work": "The Long Quiet",
        "creator": "Priya Anand",
        "lead": "Joel Marten",
        "support": "Hana Okafor",
        "platform": "HBO",
        "genre": "science-fiction drama",
        "setting": "the generation ship Meridian",
        "release": "January 19, 2025",
        "runtime": "58",
        "writers": "Priya Anand and Sam Keogh",
    },
    facts=items("""
        The Long Quiet is set aboard the Meridian, a generation ship three centuries into a
        voyage whose destination none of the living passengers will see.

        Joel Marten plays Captain Aurel Voss, an inherited leader who was raised to believe the
        voyage is on schedule.

        The first season turns on the discovery that the ship's course was changed decades ago,
        and that the records were altered to hide it.

        Hana Okafor plays Teodora Lind, an archivist who finds the original logbooks hidden in
        the hull.

        Society on board is divided between the forward decks, where the command families live,
        and the crowded agricultural rings.

        Anand has described the show as a political drama that happens to take place in space.

        Each episode opens with a short recorded message from the ship's founders, played on a
        loop for generations.

        The production built the agricultural rings as a working greenhouse set with real
        crops.

        Voss's slow realisation that his own family has been lying to him is the emotional spine
        of the season.

        There are almost no space battles; the conflicts are about food, water and who gets to
        know the truth.

        Critics have praised the writing for treating a large ensemble as people rather than
        types.

        The second season moves the story forward by twenty years.

        Okafor's archivist becomes the reluctant leader of a reform movement in the lower
        rings.

        The design gives the ship a lived-in feel: patched walls, hand-painted signs and
        recycled clothing.

        A recurring motif is the Quiet itself, the crew's name for the hours when the engines
        are shut down to save fuel.

        The writers consulted sociologists on how isolated communities preserve and distort
        their history.

        The finale of the first season, in which the true course is broadcast to every deck,
        became one of the most-watched episodes of the year on the platform.

        Several episodes are told from the point of view of children born on board who have
        never seen a planet.

        The soundtrack uses choral music sung in an invented shipboard dialect.

        Viewers have compared the series to classic novels about generation ships, though it is
        an original story.

        Anand worked as a staff writer on several political dramas before creating the series.

        The ruling council meets in a chamber designed to look like a church, a deliberate
        choice by the production designers.

        The second season introduces a faction that wants to turn the ship around and head for
        home.

        Ratings grew week by week through the first season, an unusual pattern for a prestige
        drama.

        The series has been praised for its careful portrayal of ageing and disability in a
        closed society.

        Marten has said the hardest part of the role was playing a leader who slowly discovers
        he is a figurehead.

        Water rationing, announced by a chime that every passenger dreads, drives several of the
        strongest episodes.

        The ship's doctors keep a ledger of births and deaths that turns out to be the last
        honest record on board.
    """),
    facts_de=items("""
        The Long Quiet spielt an Bord der Meridian, eines Generationenschiffs, das seit
        dreihundert Jahren unterwegs ist.

        Joel Marten spielt Kapitän Aurel Voss, der glaubt, die Reise verlaufe nach Plan.

        Hana Okafor verkörpert die Archivarin Teodora Lind, die die ursprünglichen Logbücher
        entdeckt.

        Der Kurs des Schiffes wurde vor Jahrzehnten geändert und die Aufzeichnungen gefälscht.

        Die Gesellschaft an Bord ist gespalten zwischen den Kommandodecks und den überfüllten
        Agrarringen.

        Schöpferin Priya Anand beschreibt die Serie als politisches Drama, das zufällig im All
        spielt.

        Raumschlachten gibt es kaum; es geht um Nahrung, Wasser und die Frage, wer die Wahrheit
        kennen darf.

        Die zweite Staffel springt zwanzig Jahre in die Zukunft.

        Eine neue Fraktion will das Schiff wenden und nach Hause zurückkehren.

        Die Musik nutzt Chorgesang in einem erfundenen Schiffsdialekt.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "HBO's The Long Quiet sets January premiere for generation-ship drama",
            """Priya Anand's ambitious series about a ship three hundred years into its voyage
            will premiere in January, HBO said, with a first look at Joel Marten as the captain
            who has never questioned his orders.""",
        ),
        Piece(
            "review",
            44,
            "The Long Quiet review: a slow, grand voyage worth taking",
            """HBO's new science-fiction drama is less interested in the stars than in the
            people stuck between them, and its patient first episodes build a society you will
            believe in.""",
        ),
        Piece(
            "review",
            100,
            "The Long Quiet's finale rewrites everything the crew thought they knew",
            """The first season ends with the truth about the Meridian's course broadcast to every
            deck, and with a captain who has to decide whether he is still in command of
            anything.""",
        ),
        Piece(
            "report",
            110,
            "The Long Quiet renewed for a second season, with a twenty-year time jump",
            """HBO has ordered more episodes of its generation-ship drama after ratings grew every
            week, and the creator says the story will leap two decades ahead.""",
        ),
        Piece(
            "review",
            250,
            "Three hundred years from home: why The Long Quiet is the smartest show on television",
            """A ship that has forgotten where it is going, a captain who inherited a lie and an
            archivist with a box of logbooks: how Priya Anand turned a science-fiction premise
            into the sharpest political drama of the year.""",
            long=True,
        ),
        Piece(
            "report",
            520,
            "The Long Quiet season two trailer reveals a ship divided",
            """Twenty years on, the Meridian is split between those who want to continue the
            voyage and those who want to turn back, and the first trailer suggests the argument
            will not stay peaceful.""",
        ),
        Piece(
            "review",
            560,
            "The Long Quiet season two review: the revolution will be rationed",
            """The time jump pays off. Older, angrier and running short of water, the crew of the
            Meridian give the second season a bitter edge that the first only hinted at.""",
        ),
        Piece(
            "review",
            50,
            "The Long Quiet: Ein Generationenschiff auf Irrfahrt",
            """Die neue HBO-Serie interessiert sich weniger für die Sterne als für die Menschen,
            die zwischen ihnen festsitzen. Ein langsamer, aber lohnender Flug.""",
            lang="de",
        ),
        Piece(
            "report",
            530,
            "The Long Quiet: Zweite Staffel mit Zeitsprung und gespaltener Crew",
            """Zwanzig Jahre später ist die Besatzung der Meridian zerstritten. Der erste Trailer
            zur zweiten Staffel deutet einen offenen Konflikt an.""",
            lang="de",
        ),
    ),
)

SIGNAL_NINE = Topic(
    slug="signal-nine",
    section="tv",
    style="tv",
    start="2025-06-10",
    tags=("Signal Nine", "Apple TV+", "science fiction", "first contact"),
    ents={
        "work": "Signal Nine",
        "creator": "Marcus Bell",
        "lead": "Elena Ruiz",
        "support": "Kwame Asante",
        "platform": "Apple TV+",
        "genre": "science-fiction thriller",
        "setting": "a radio observatory in the Chilean desert",
        "release": "September 12, 2025",
        "runtime": "47",
        "writers": "Marcus Bell and Ines Carvalho",
    },
    facts=items("""
        Signal Nine begins when a radio telescope in the Atacama picks up a repeating signal that
        seems to answer a message sent from Earth in the 1970s.

        Elena Ruiz plays Dr Sofia Marín, the astronomer who first notices the pattern in the
        data.

        The show treats first contact as a bureaucratic nightmare, with governments fighting
        over who gets to reply.

        Kwame Asante plays a security official sent to take control of the observatory.

        Each episode is named after a step in the decoding of the signal.

        The senders are never shown; the series is about how people react to the idea of them.

        The desert scenes were filmed at a real observatory site, which gives the show a
        striking sense of scale.

        The mystery of what the ninth transmission contains drives the first season.

        Bell has said he wanted to make a show about scientists that gets the science right.

        A subplot about a leak to the press gives parts of the season the feel of a newsroom
        drama.

        Working radio astronomers served as consultants on the scripts.

        The finale ends with humanity's reply being transmitted, without revealing what it
        says.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Apple TV+ orders Signal Nine, a first-contact drama set in the Atacama",
            """Marcus Bell's series about astronomers who receive an answer to a decades-old
            message has been given a full season, with Elena Ruiz in the lead.""",
        ),
        Piece(
            "review",
            92,
            "Signal Nine review: the aliens are calling, and nobody can agree what to say",
            """Apple's new science-fiction series never shows its extraterrestrials. It does not
            need to: the fight on Earth over how to answer them is tense enough.""",
        ),
        Piece(
            "report",
            130,
            "Signal Nine's astronomer consultants on what the show gets right",
            """Two radio astronomers who read every script explain how the series handles
            telescopes, data pipelines and the dull reality of checking a signal for
            interference.""",
        ),
        Piece(
            "review",
            150,
            "Signal Nine finale explained: what was in the ninth transmission?",
            """The first season ends with a reply sent into space and a message we never get to
            read. Here is what the finale revealed, what it held back, and the clues planted
            along the way.""",
        ),
        Piece(
            "report",
            200,
            "Signal Nine renewed as Apple bets on cerebral science fiction",
            """The desert-set contact drama will return for a second season, the streamer said,
            after strong completion rates and a loyal audience of puzzle-solvers.""",
        ),
        Piece(
            "report",
            380,
            "Signal Nine season two casting news (embargoed until Thursday)",
            """Two new regulars join the observatory team for the next season, including a
            diplomat sent to negotiate the second reply.""",
            status="draft",
        ),
    ),
)

CROWN_OF_ASH = Topic(
    slug="crown-of-ash",
    section="tv",
    style="tv",
    start="2025-11-15",
    tags=("Crown of Ash", "Disney+", "fantasy", "Rhiannon Vale"),
    ents={
        "work": "Crown of Ash",
        "creator": "Rhiannon Vale",
        "lead": "Marek Dorn",
        "support": "Lila Fenwick",
        "platform": "Disney+",
        "genre": "fantasy epic",
        "setting": "the volcanic kingdom of Caldera",
        "release": "April 3, 2026",
        "runtime": "64",
        "writers": "Rhiannon Vale and Jonah Pryce",
    },
    facts=items("""
        Crown of Ash is set in Caldera, a kingdom built on the slopes of a volcano that its
        rulers claim to control.

        Marek Dorn plays King Osric, whose right to rule depends on a ritual that is said to keep
        the mountain quiet.

        Lila Fenwick plays Sera, a miner's daughter who discovers that the ritual is a fraud.

        The show is based on a bestselling series of novels, though the writers have changed
        several major plotlines.

        Its long-rumoured dragons turn out to be something far stranger: creatures of living
        stone.

        The production built entire villages on a volcanic island to film the opening
        episodes.

        Disney+ has described it as the most expensive series it has ever produced.

        Battle scenes are few but enormous, with hundreds of extras in hand-made armour.

        The politics of Caldera, with its guilds, priests and mining clans, are the real heart
        of the story.

        Vale has said she wanted a fantasy world in which the economy makes sense.

        Fans of the novels have debated the casting of Osric, who is much older in the books.

        The eruption sequence in the fourth episode took more than a year of visual effects
        work.

        The score relies heavily on drums and low brass, evoking the rumble of the mountain.

        The violence is less graphic than in some rival fantasy shows, reflecting the platform's
        broader audience.

        Sera's rise from the mines to the royal court unfolds over the whole first season.

        The costume department aged the fabrics with real ash and soot rather than digital
        effects.

        A prequel novel by the original author was published to coincide with the premiere.

        The language of the mining clans was created by a linguist and has its own grammar.

        Critics have noted a debt to earlier fantasy epics but praised the focus on labour and
        class.

        The volcanic setting gives the show a distinctive palette of black, red and grey.

        Several actors trained with stunt teams for months to perform their own fight scenes.

        The mountain itself is treated almost as a character, with its own moods and warnings.

        Viewing figures for the premiere broke platform records in several countries.

        The season ends with the mountain waking, leaving the kingdom's future in doubt.

        Vale's background in theatre shows in the long, talky council scenes.

        A second season was ordered before the first had finished airing.

        The guild of glassmakers, who turn volcanic sand into the kingdom's wealth, quietly
        funds the rebellion.

        Osric's court astrologer, the only person who has read the old eruption records, becomes
        the most dangerous man in Caldera.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Disney+ reveals first look at Crown of Ash, its most expensive series yet",
            """The first images from Rhiannon Vale's fantasy epic show a kingdom clinging to the
            side of a volcano, a king in a crown of black glass and a young miner who does not
            bow.""",
        ),
        Piece(
            "report",
            90,
            "Crown of Ash casting guide: who plays whom in the volcanic fantasy epic",
            """From Marek Dorn's anxious king to Lila Fenwick's defiant miner, here is who is who
            in Caldera, and how the casting differs from the books.""",
        ),
        Piece(
            "review",
            139,
            "Crown of Ash review: fire, stone and a kingdom built on a lie",
            """Disney's big-budget fantasy is at its best not in its battles but in its council
            chambers, where a frightened king tries to keep a mountain and a population in
            line.""",
        ),
        Piece(
            "report",
            150,
            "Crown of Ash premiere breaks Disney+ viewing records",
            """The opening episode of the volcanic fantasy drew the largest audience the platform
            has recorded for a series debut, according to the company.""",
        ),
        Piece(
            "report",
            160,
            "Relive Crown of Ash with the official Caldera companion app",
            """Maps, family trees and behind-the-scenes videos: the companion app for the hit
            fantasy series puts the whole kingdom of Caldera in your pocket.""",
            sponsored=True,
        ),
        Piece(
            "report",
            200,
            "Beneath the mountain: how Crown of Ash built a fantasy world that makes sense",
            """Guilds that set prices, miners who strike, priests who sell forgiveness and a
            volcano that does not care: an inside look at the economics, languages and politics
            behind the most expensive series Disney has made.""",
            long=True,
        ),
        Piece(
            "review",
            210,
            "Crown of Ash finale review: the mountain wakes, and nothing will be the same",
            """The first season ends with fire, as it always had to, but the most shocking moment
            of the finale happens in a quiet room far from the eruption.""",
        ),
    ),
)

TIDEWATER = Topic(
    slug="tidewater",
    section="tv",
    style="tv",
    start="2025-03-01",
    tags=("Tidewater", "Netflix", "crime drama", "Nordic noir"),
    ents={
        "work": "Tidewater",
        "creator": "Sigrid Holm",
        "lead": "Anders Lykke",
        "support": "Maja Berg",
        "platform": "Netflix",
        "genre": "Nordic crime drama",
        "setting": "a fishing town on the Danish west coast",
        "release": "May 22, 2025",
        "runtime": "52",
        "writers": "Sigrid Holm and Erik Vang",
    },
    facts=items("""
        Tidewater opens with the discovery of a body tangled in a fishing net off the Danish
        coast.

        Anders Lykke plays Inspector Nils Brandt, a detective who returns to the town where he
        grew up.

        Maja Berg plays a marine biologist whose research on fish stocks becomes central to the
        case.

        The investigation exposes a quota fraud that has kept the town's fleet afloat for years.

        Grey skies and a wind-battered harbour are as much a part of the show's identity as the
        plot.

        Holm has said she wanted to write about communities that depend on a single industry.

        The series is in Danish with subtitles, though an English dub is available.

        Each episode ends with a slow drone shot over the dunes.

        Brandt's troubled relationship with his father, a retired skipper, adds a personal
        layer.

        Viewers far beyond Scandinavia turned the show into an unexpected global hit.

        The second season moves the story to the Faroe Islands.

        Critics have compared it favourably with the classics of Nordic noir.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Netflix's Tidewater brings Nordic noir to a Danish fishing town",
            """Sigrid Holm's crime series, shot on the wind-blown west coast of Jutland, follows
            a detective investigating a death among the trawlermen he grew up with.""",
        ),
        Piece(
            "review",
            82,
            "Tidewater review: a murder mystery with salt in its veins",
            """Netflix's Danish thriller does not reinvent the genre, but its sense of place is so
            strong you can almost smell the diesel and the herring.""",
        ),
        Piece(
            "report",
            110,
            "How Tidewater became Netflix's surprise global hit",
            """A subtitled show about fishing quotas was not supposed to top charts in forty
            countries. Its creator and its star explain what happened.""",
        ),
        Piece(
            "review",
            120,
            "Tidewater ending explained: who killed the skipper's son?",
            """The final episode ties the body in the net to a fraud that reaches the harbour
            office. Here is how the pieces fit together, with full spoilers.""",
        ),
        Piece(
            "report",
            330,
            "Tidewater season two heads to the Faroe Islands",
            """Inspector Brandt is leaving Jutland behind. The second season moves north to the
            Faroes, where a missing research vessel awaits.""",
        ),
        Piece(
            "review",
            440,
            "Tidewater season two review: colder, darker, better",
            """On the cliffs of the Faroe Islands, Netflix's Nordic crime drama finds a harsher
            landscape and a sharper story, and Anders Lykke rises to both.""",
        ),
    ),
)

MIDNIGHT_DESK = Topic(
    slug="midnight-desk",
    section="tv",
    style="tv",
    start="2026-03-02",
    tags=("The Midnight Desk", "late-night", "Ben Alder", "comedy"),
    ents={
        "work": "The Midnight Desk",
        "creator": "Ben Alder",
        "lead": "Ben Alder",
        "support": "Carla Mendes",
        "platform": "HBO",
        "genre": "late-night comedy",
        "setting": "a cramped studio in Manhattan",
        "release": "September 8, 2014",
        "runtime": "35",
        "writers": "Ben Alder, Nora Quinn and Teddy Marsh",
    },
    facts=items("""
        The Midnight Desk has run for twelve seasons, mixing monologues, sketches and long,
        unhurried interviews.

        Ben Alder announced that the current season would be his last, ending one of the longest
        runs in late-night television.

        Carla Mendes has led the house band since the first episode and often joins the comedy
        segments.

        The show's signature segment, a deadpan reading of viewer complaints, became a staple of
        online clips.

        Audiences for late-night shows have declined sharply as viewers move to short videos.

        Alder said he wanted to leave while the show was still good rather than wait to be
        cancelled.

        The writing staff has launched the careers of several well-known comedians.

        Speculation about a successor has focused on two former correspondents.

        The final week featured a string of surprise guests from the show's history.

        Alder's interviews were known for being long, curious and occasionally awkward.

        The network has said it has no plans to replace the show with another nightly programme.

        The last episode ended with the studio lights being switched off one by one.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Ben Alder to step down from The Midnight Desk after twelve seasons",
            """The host told his studio audience that this season would be the last, ending a
            run that outlasted three network presidents and most of his rivals.""",
        ),
        Piece(
            "report",
            20,
            "Who could replace Ben Alder? The contenders for late night's empty chair",
            """Two former correspondents, a podcast star and a sitcom actor are among the names
            being discussed, though the network may simply switch the lights off.""",
        ),
        Piece(
            "report",
            45,
            "Tickets for The Midnight Desk's last studio tapings released",
            """A small batch of free tickets for the final weeks of recordings will be released
            online on Monday morning, the show said.""",
            expires="2026-05-01",
        ),
        Piece(
            "review",
            60,
            "The Midnight Desk's best moments, from the complaint readings to the interviews",
            """Twelve seasons, thousands of guests and one very patient bandleader. We picked the
            segments that defined Ben Alder's time behind the desk.""",
        ),
        Piece(
            "report",
            85,
            "The Midnight Desk final week: surprise guests and a few tears",
            """Former writers, old guests and a marching band squeezed into the tiny studio as
            the show began its farewell.""",
        ),
        Piece(
            "review",
            90,
            "The Midnight Desk finale review: Ben Alder turns the lights off gently",
            """No big speech, no celebrity parade: the last episode of the late-night show was
            quiet, funny and exactly as awkward as it needed to be.""",
        ),
    ),
)


# ---------------------------------------------------------------------------- news

VALE_FLOODS = Topic(
    slug="vale-floods",
    section="news",
    style="news",
    start="2025-01-20",
    tags=("floods", "Lower Vale", "River Wend", "weather"),
    ents={
        "place": "the Lower Vale",
        "official": "Council leader Ruth Hadley",
        "agency": "the River Authority",
        "issue": "the flooding",
        "group": "residents",
    },
    facts=items("""
        The River Wend burst its banks after three days of continuous rain, flooding more than
        four hundred homes across the Lower Vale.

        Emergency crews used boats to reach families trapped on upper floors in the village of
        Ashby Cross.

        The River Authority issued its highest level of warning for the first time since the
        valley's flood defences were completed.

        A temporary barrier at Millbrook held through the night, but water overtopped it early
        the following morning.

        Rest centres were opened in school halls in Kelsey and Wendham for those forced from
        their homes.

        Farmers reported livestock losses as fields turned into lakes across the valley floor.

        The main road between Wendham and the coast was closed after a section of embankment
        collapsed.

        Rail services through the valley were suspended because of water on the line.

        Meteorologists said the rainfall total was the highest recorded in the area for more
        than a century.

        Engineers are inspecting the Millbrook defences to understand why they failed.

        Residents said the order to evacuate came too late for many to move their belongings
        upstairs.

        The clean-up is expected to take months, with many homes needing to be stripped back to
        the brick.

        Insurers sent loss adjusters into the valley within days, but some householders have no
        cover at all.

        Hadley said the council would set up a hardship fund for families without insurance.

        A second crest of floodwater was expected as rain fell on already saturated ground
        upstream.

        Volunteers from neighbouring towns arrived with vans, sandbags and hot food.

        Schools in the affected villages stayed closed for more than a week.

        An elderly man died after his car was swept off a flooded lane near Ashby Cross.

        Drainage experts said building on the flood plain had made the valley more vulnerable.

        Ministers announced emergency funding for affected households after a visit to the
        valley.

        Photographs of the flooded market square in Wendham were shared widely online.

        Sewage overflowed into homes in several streets, adding a health risk to the damage.

        Environmental groups called for tree planting in the hills to slow the flow of water
        into the Wend.

        The River Authority has promised an independent review of its warning system.

        Shopkeepers on Wendham's high street estimated the cost of the damage in the millions.

        Residents have formed an action group demanding permanent defences before next winter.

        Dehumidifiers hummed in almost every house on Mill Lane for weeks after the water
        receded.

        Some families have been told they will not be able to move back in before the summer.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Live: River Wend bursts its banks as Lower Vale floods",
            """Follow the latest as the River Wend overtops its banks after three days of rain.
            Homes in Ashby Cross and Wendham are flooded and the River Authority has issued its
            most severe warning.""",
        ),
        Piece(
            "report",
            1,
            "Hundreds evacuated as flood barrier at Millbrook fails",
            """Water poured over a temporary barrier at Millbrook before dawn, forcing hundreds of
            people from their homes and cutting the main road through the valley.""",
        ),
        Piece(
            "report",
            3,
            "Lower Vale floods: man dies after car is swept away near Ashby Cross",
            """An 81-year-old man has died after his car was carried off a flooded lane, the first
            death linked to the floods, as a second crest of water moves down the Wend.""",
        ),
        Piece(
            "report",
            6,
            "Ministers visit Wendham as emergency flood funding is announced",
            """Households in the flooded valley will receive emergency grants, the government
            said, as ministers toured the damaged market square and met families in a rest
            centre.""",
        ),
        Piece(
            "analysis",
            14,
            "Why the Millbrook flood defences failed",
            """The barrier was meant to protect the valley for a century. It lasted one night.
            Engineers, councillors and residents explain what went wrong.""",
        ),
        Piece(
            "report",
            30,
            "Lower Vale families return to homes stripped to the brick",
            """A month after the floods, the water has gone but the damage has not. Families in
            Ashby Cross describe living upstairs while builders rip out everything below.""",
        ),
        Piece(
            "analysis",
            70,
            "After the water: a valley counts the cost of the Wend floods",
            """Two months on, the Lower Vale is drying out, arguing and rebuilding. A long look at
            what happened in the valley, who was left without help and what has to change before
            the next winter rains.""",
            long=True,
        ),
        Piece(
            "report",
            300,
            "River Authority review blames warning delays for Lower Vale flood damage",
            """An independent review found that flood warnings reached some villages hours
            later than they should have, and that the Millbrook barrier had not been properly
            tested.""",
        ),
    ),
)

METRO_STRIKE = Topic(
    slug="metro-strike",
    section="news",
    style="news",
    start="2025-09-08",
    tags=("strike", "Eastbridge", "metro", "transport"),
    ents={
        "place": "Eastbridge",
        "official": "Transport commissioner Daniel Okoye",
        "agency": "the Metro Transit Authority",
        "issue": "the strike",
        "group": "commuters",
    },
    facts=items("""
        Metro drivers in Eastbridge walked out at dawn, shutting all six underground lines for
        the first time in twenty years.

        The drivers' union says the dispute is about safety and rest breaks rather than pay
        alone.

        Buses were packed and roads gridlocked as hundreds of thousands of commuters looked for
        other ways to get to work.

        The Metro Transit Authority offered a four percent pay rise, which the union rejected as
        inadequate.

        Businesses in the city centre reported footfall down by nearly half on the first day.

        Talks at the conciliation service broke down late on Wednesday after eleven hours.

        Bike hire schemes reported record demand during the walkout.

        The union has threatened a further week of action if no agreement is reached.

        Hospital staff said some night-shift workers were sleeping on site to avoid the commute.

        Okoye called the walkout reckless and urged both sides to return to talks.

        A deal was finally reached after three weeks, with new rules on rest and a phased pay
        increase.

        Members voted to accept the offer by a clear majority.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Live: Eastbridge metro shut down as drivers strike",
            """All six underground lines are closed after drivers walked out at dawn. Follow the
            latest on travel disruption, talks and what it means for your journey.""",
        ),
        Piece(
            "report",
            2,
            "Eastbridge strike talks collapse after eleven hours",
            """Negotiations between the metro drivers' union and the transit authority broke up
            without agreement late on Wednesday, raising the prospect of a longer walkout.""",
        ),
        Piece(
            "report",
            4,
            "Commuters turn to bikes and buses as metro walkout enters third day",
            """With the underground still closed, Eastbridge workers are cycling, car-sharing and
            walking, and some employers have told staff to stay at home.""",
        ),
        Piece(
            "analysis",
            8,
            "What Eastbridge's metro strike is really about",
            """Pay gets the headlines, but drivers say the dispute began with fatigue, rosters
            and a near miss in a tunnel last winter.""",
        ),
        Piece(
            "report",
            21,
            "Eastbridge metro strike ends as drivers accept new deal",
            """Trains will run again from Monday after union members voted to accept an offer
            that includes guaranteed rest breaks and a phased pay rise.""",
        ),
    ),
)

HOSPITAL_CYBERATTACK = Topic(
    slug="hospital-cyberattack",
    section="news",
    style="news",
    start="2026-02-10",
    tags=("cyberattack", "ransomware", "Northfield", "health"),
    ents={
        "place": "Northfield",
        "official": "Trust chief executive Dr Alan Price",
        "agency": "the Northfield Health Trust",
        "issue": "the cyberattack",
        "group": "patients",
    },
    facts=items("""
        A ransomware attack forced Northfield General Hospital to divert ambulances and cancel
        planned operations.

        Staff went back to paper records as computer systems across the trust were taken
        offline.

        The criminal group behind the attack demanded a ransom in cryptocurrency, which the
        trust refused to pay.

        Blood test results were delayed for days because laboratory systems could not send data
        to the wards.

        Specialists from the national cyber security centre were sent to help restore systems.

        Patients were warned that personal data may have been stolen and published online.

        Cancer treatments were prioritised as the hospital worked through a growing backlog.

        Security researchers said the attackers got in through an unpatched remote access
        server.

        Family doctors in the area were also affected because they rely on shared hospital
        systems.

        The trust said most systems were restored within three weeks, though some took longer.

        Stolen records, including some medical notes, later appeared on a leak site.

        An independent review recommended stronger separation between hospital networks.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Northfield General cancels operations after ransomware attack",
            """Ambulances are being diverted and planned surgery has been postponed after a
            cyberattack took computer systems offline across the Northfield Health Trust.""",
        ),
        Piece(
            "report",
            2,
            "Northfield hospital staff return to pen and paper as systems stay down",
            """Nurses are writing drug charts by hand and porters are carrying test results
            between wards, two days after hackers crippled the hospital's computers.""",
        ),
        Piece(
            "report",
            5,
            "Northfield hack: staff member blamed for opening infected email",
            """Sources inside the trust have named an administrator they say opened the message
            that let the attackers in.""",
            status="unpublished",
        ),
        Piece(
            "report",
            9,
            "Hackers publish data stolen in Northfield hospital cyberattack",
            """Files including some patient records have appeared on a criminal leak site after
            the trust refused to pay a ransom, and patients have been told to watch for
            scams.""",
        ),
        Piece(
            "analysis",
            16,
            "How a single unpatched server opened the door to Northfield's hospital hack",
            """Investigators believe the attackers walked in through a remote access system that
            had been waiting for a security update for months. Why do hospitals keep falling
            for the same thing?""",
        ),
        Piece(
            "report",
            80,
            "Northfield cyberattack review calls for tighter hospital network security",
            """An independent review of the ransomware attack says the trust's systems were too
            interconnected and that warnings about old software were not acted on.""",
        ),
    ),
)

RIDGE_WILDFIRE = Topic(
    slug="ridge-wildfire",
    section="news",
    style="news",
    start="2026-07-28",
    tags=("wildfire", "Carran Ridge", "heatwave", "fire service"),
    ents={
        "place": "the Carran Ridge",
        "official": "Fire chief Marta Quill",
        "agency": "the regional fire service",
        "issue": "the wildfire",
        "group": "residents",
    },
    facts=items("""
        A wildfire that started on the Carran Ridge spread rapidly overnight, driven by strong
        easterly winds.

        Several hundred residents of the hamlets of Dunmore and High Carran were evacuated as
        the flames approached.

        Firefighting aircraft were called in from neighbouring regions to drop water on the
        fire front.

        The blaze burned through more than three thousand hectares of heath and forestry
        plantation.

        Investigators are examining whether the fire was started by a discarded barbecue.

        A temporary ban on open fires was extended across the national park.

        Smoke could be seen from the coast more than forty kilometres away.

        Ecologists warned that ground-nesting birds would be among the worst affected.

        Firefighters worked shifts of twelve hours or more through a record heatwave.

        Rain finally helped crews bring the fire under control after nine days.

        Several homes and a community hall in High Carran were destroyed.

        Local farmers said they had warned for years about the risk posed by dense, unmanaged
        plantations.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Live: Carran Ridge wildfire forces evacuations",
            """Residents of Dunmore and High Carran have been told to leave as a fast-moving fire
            spreads along the ridge. Follow the latest from the fire service.""",
        ),
        Piece(
            "report",
            2,
            "Carran Ridge fire doubles in size as winds strengthen",
            """Crews lost ground overnight as easterly gusts pushed the flames into forestry
            plantations, and aircraft from three neighbouring regions joined the fight.""",
        ),
        Piece(
            "report",
            4,
            "Barbecue suspected as police open investigation into ridge wildfire",
            """Officers are appealing for walkers who were on the ridge on Sunday afternoon after
            the remains of a disposable barbecue were found near the point of origin.""",
        ),
        Piece(
            "report",
            9,
            "Rain helps firefighters bring Carran Ridge blaze under control",
            """After nine days and more than three thousand hectares, the wildfire is contained,
            and evacuated families are being allowed back to see what is left.""",
        ),
        Piece(
            "analysis",
            20,
            "The Carran Ridge fire was a warning. Is anyone listening?",
            """Dense plantations, hotter summers and thinly stretched crews: the conditions that
            fed the ridge fire are not going away.""",
        ),
    ),
)

ESTUARY_BRIDGE = Topic(
    slug="estuary-bridge",
    section="news",
    style="news",
    start="2025-04-14",
    tags=("Hale Estuary Bridge", "infrastructure", "Porthaven", "roads"),
    ents={
        "place": "Porthaven",
        "official": "Transport minister Grace Lin",
        "agency": "the highways agency",
        "issue": "the bridge closure",
        "group": "drivers",
    },
    facts=items("""
        The Hale Estuary Bridge was closed to all traffic after engineers found cracks in two of
        its main support cables.

        The closure added up to ninety minutes to journeys between Porthaven and the towns on
        the northern shore.

        Ferry operators laid on extra sailings, but queues at the terminals stretched for hours.

        The bridge, opened in 1971, carries around sixty thousand vehicles a day.

        Inspection reports had flagged corrosion in the cable anchorages as early as 2019.

        The highways agency said the bridge would reopen to cars, but not lorries, after
        emergency repairs.

        Hauliers warned that the weight limit would cost the regional economy dearly.

        Lin announced a review of all bridges of similar design.

        Engineers used drones and robotic crawlers to inspect the inside of the cables.

        A full replacement of the cables is expected to take several years.

        Shops on the northern shore reported a sharp drop in customers.

        Campaigners renewed calls for a rail tunnel under the estuary.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Hale Estuary Bridge closed after cracks found in support cables",
            """The main road link across the estuary was shut without warning on Monday night
            after an inspection found damage to two cables, leaving drivers facing long
            detours.""",
        ),
        Piece(
            "report",
            2,
            "Ferry queues and ninety-minute detours as estuary bridge stays shut",
            """Commuters between Porthaven and the northern shore are leaving home before dawn,
            and ferry operators say they cannot add sailings fast enough.""",
        ),
        Piece(
            "report",
            10,
            "Corrosion warnings on Hale bridge were raised years ago, documents show",
            """Inspection reports seen by this newspaper show engineers flagged rust in the cable
            anchorages in 2019, but repairs were repeatedly postponed.""",
        ),
        Piece(
            "report",
            24,
            "Hale Estuary Bridge reopens to cars, but lorries stay banned",
            """Emergency repairs allow light traffic to cross again, but a weight limit will keep
            heavy goods vehicles on the long way round for months.""",
        ),
        Piece(
            "analysis",
            60,
            "The ageing bridges and the repair bill nobody wants to pay",
            """The Hale crossing is not the only structure from the 1970s showing its age. A
            backlog of repairs is building up across the road network.""",
        ),
    ),
)


# --------------------------------------------------------------------------- sport

HARBOUR_CITY_FC = Topic(
    slug="harbour-city-fc",
    section="sport",
    style="football",
    start="2025-08-09",
    tags=("Harbour City", "football", "Premier Division", "Elena Sorokina"),
    ents={
        "team": "Harbour City",
        "coach": "Elena Sorokina",
        "star": "Tomás Ferreira",
        "rival": "Westport Rovers",
        "ground": "the Quayside Stadium",
        "league": "the Premier Division",
    },
    facts=items("""
        Harbour City began the season as outsiders, having finished ninth the year before.

        Elena Sorokina, appointed in the summer, became the first woman to manage a club in the
        Premier Division.

        Tomás Ferreira scored in each of the first six league games, a club record.

        A 3-1 win away at Westport Rovers in October lifted Harbour City to the top of the
        table.

        The club is owned by a supporters' trust, which has turned down offers from overseas
        investors.

        Sorokina's side press aggressively from the front, a style that wears opponents down
        late in games.

        Goalkeeper Ben Achterberg kept eleven clean sheets before Christmas.

        A hamstring injury kept Ferreira out for six weeks in midwinter.

        Kofi Mensah, an eighteen-year-old midfielder from the academy, broke into the first
        team.

        Harbour City were knocked out of the cup in the fourth round after a replay.

        The Quayside Stadium sold out every home game for the first time in its history.

        Sorokina had previously managed in the Dutch and Russian leagues.

        A run of three defeats in February briefly threatened to derail the title challenge.

        Ferreira signed a contract extension in March, ending speculation about a move abroad.

        The title was confirmed with two games to spare after a 2-0 win at home.

        Supporters lined the harbour front for an open-top bus parade.

        The club's budget is less than half that of the league's biggest spenders.

        Analysts credit the recruitment team, which signed several players from the lower
        leagues.

        Captain Marcus Hale lifted the trophy in his final season before retirement.

        Sorokina was named the league's manager of the year.

        The title means Harbour City will play in European competition for the first time.

        The ground, hemmed in by warehouses and cranes, is one of the oldest in the league.

        Mensah's emergence has attracted scouts from several major European clubs.

        The decisive goal of the title-clinching match came from a set piece practised all
        week.

        The supporters' trust has pledged to invest the prize money in the women's team and the
        academy.

        Ferreira finished as the division's top scorer with twenty-six goals.

        Sorokina's decision to train at dawn, before the dockyard shifts began, became part of
        the club's folklore.

        The dressing room was rebuilt over the summer with money raised by a fans' share issue.
    """),
    pieces=(
        Piece(
            "report",
            -40,
            "Harbour City season tickets: renewal window opens",
            """Season-ticket holders at the Quayside Stadium have until the end of July to renew
            their seats before they are released to the waiting list.""",
            expires="2025-07-31",
        ),
        Piece(
            "match",
            0,
            "Ferreira double gives Harbour City a winning start",
            """Tomás Ferreira scored twice at the Quayside Stadium as Elena Sorokina's first
            league game in charge ended in a comfortable win.""",
        ),
        Piece(
            "match",
            63,
            "Harbour City go top after 3-1 win at Westport Rovers",
            """Sorokina's pressing side produced their best performance of the season to beat
            Westport away and climb to the top of the Premier Division for the first time in
            decades.""",
        ),
        Piece(
            "analysis",
            150,
            "Harbour City's Ferreira out for six weeks with hamstring injury",
            """The league's top scorer limped off in the first half against Kingsmere, and the
            club has confirmed he will miss the busy winter schedule.""",
        ),
        Piece(
            "analysis",
            215,
            "Ferreira commits his future to Harbour City with new contract",
            """The striker has ended months of speculation by signing an extension, a statement
            of intent from a club owned by its own supporters.""",
        ),
        Piece(
            "match",
            270,
            "Harbour City crowned champions with two games to spare",
            """A 2-0 win at the Quayside Stadium sealed the most unlikely title in years, and the
            supporters who own the club poured onto the pitch at the final whistle.""",
        ),
        Piece(
            "analysis",
            290,
            "From ninth to first: the inside story of Harbour City's title season",
            """A manager nobody had heard of, a striker who would not stop scoring and a club
            owned by its fans: how Harbour City won the league on half the budget of their
            rivals.""",
            long=True,
        ),
    ),
)

NORTHGATE_UNITED = Topic(
    slug="northgate-united",
    section="sport",
    style="football",
    start="2025-10-04",
    tags=("Northgate United", "football", "Premier Division", "relegation"),
    ents={
        "team": "Northgate United",
        "coach": "Gareth Pryce",
        "star": "Jonas Eklund",
        "rival": "Castleford Athletic",
        "ground": "Moor Lane",
        "league": "the Premier Division",
    },
    facts=items("""
        Northgate United have won only two of their first twelve league games, leaving them
        bottom of the table.

        Gareth Pryce was sacked after a 4-0 home defeat to Castleford Athletic.

        The club appointed former player Stuart Lomax as caretaker manager.

        Winger Jonas Eklund has been the one bright spot in a miserable season.

        Fans staged a protest outside Moor Lane against the club's owners.

        A points deduction for breaching financial rules added to Northgate's problems.

        The January signings of a centre-back and a goalkeeper steadied the defence.

        Lomax was given the job permanently after a run of four games unbeaten.

        The relegation fight went down to the final day of the season.

        A late equaliser on the final day kept the club up on goal difference.

        The owners have since put the club up for sale.

        Eklund is expected to leave in the summer despite the great escape.
    """),
    pieces=(
        Piece(
            "match",
            0,
            "Eklund shines but Northgate United's winless run goes on",
            """Jonas Eklund hit the post twice and set up the only goal, but a late penalty left
            Northgate without a league win in seven games.""",
        ),
        Piece(
            "analysis",
            35,
            "Northgate United sack Gareth Pryce after 4-0 home defeat",
            """The manager has paid the price for a humiliating afternoon against Castleford
            Athletic, with the club bottom of the Premier Division and supporters in open
            revolt.""",
        ),
        Piece(
            "analysis",
            60,
            "Northgate United hit with points deduction over financial breaches",
            """An independent panel found the club broke spending rules over three seasons, and
            the penalty leaves Northgate six points from safety.""",
        ),
        Piece(
            "analysis",
            120,
            "Stuart Lomax named Northgate United manager after unbeaten run",
            """The former captain, who took over as caretaker in November, has been given the job
            until the end of next season after four games without defeat.""",
        ),
        Piece(
            "match",
            230,
            "Northgate United survive on final day as late equaliser seals escape",
            """A header in the 89th minute at Moor Lane kept Northgate in the Premier Division on
            goal difference, completing one of the great escapes.""",
        ),
        Piece(
            "analysis",
            260,
            "Northgate United owners put club up for sale",
            """Weeks after avoiding relegation, the owners say they will sell, and supporters'
            groups are already talking to potential buyers.""",
        ),
    ),
)

GRAND_TOUR = Topic(
    slug="grand-tour",
    section="sport",
    style="athlete",
    start="2025-07-05",
    tags=("cycling", "Tour des Cimes", "Anouk de Vries", "grand tour"),
    ents={
        "star": "Anouk de Vries",
        "event": "the Tour des Cimes",
        "coach": "Sports director Luca Bellini",
        "rival": "Chiara Moretti",
        "venue": "the Col de la Serre",
        "sport": "cycling",
    },
    facts=items("""
        Anouk de Vries took the leader's jersey after a solo attack on the first mountain stage.

        The Tour des Cimes covers more than three thousand kilometres over three weeks.

        De Vries rides for a Dutch team that has built its entire season around this race.

        Chiara Moretti, the defending champion, lost nearly two minutes in a crash on the
        cobbled stage.

        The decisive climb to the Col de la Serre rises more than a thousand metres in fourteen
        kilometres.

        De Vries's team-mates controlled the pace on the flat stages to protect her lead.

        Temperatures above thirty-five degrees forced organisers to shorten one stage.

        The time trial on the penultimate day left De Vries with a winning margin of forty-one
        seconds.

        Moretti fought back in the Alps, winning two mountain stages.

        Crowds lined the final climb several deep, some of them camping there for days.

        De Vries became the first Dutch rider to win the race in more than thirty years.

        The race has grown rapidly in prize money and television audience since it was
        founded.
    """),
    pieces=(
        Piece(
            "match",
            0,
            "Tour des Cimes: De Vries attacks early as the race hits the mountains",
            """Anouk de Vries went clear on the first big climb and rode alone for twenty
            kilometres to take the stage and the leader's jersey.""",
        ),
        Piece(
            "match",
            5,
            "Moretti loses two minutes in crash on the cobbled stage",
            """The defending champion went down on a wet sector of cobbles and finished well
            behind the leaders, turning the general classification upside down.""",
        ),
        Piece(
            "match",
            9,
            "Heatwave forces Tour des Cimes organisers to shorten stage",
            """With temperatures climbing past thirty-five degrees, the race jury cut forty
            kilometres from the route after riders' representatives raised safety concerns.""",
        ),
        Piece(
            "match",
            14,
            "Moretti strikes back on the Col de la Serre",
            """The Italian champion won the hardest mountain stage of the race and cut her deficit
            to under a minute, but De Vries held on to yellow.""",
        ),
        Piece(
            "match",
            20,
            "Anouk de Vries wins the Tour des Cimes after nerveless time trial",
            """The Dutch rider extended her lead against the clock on the penultimate day and
            rode into the final city as the first Dutch winner in more than thirty years.""",
        ),
        Piece(
            "analysis",
            40,
            "How De Vries's team built a Tour winner from scratch",
            """Five years ago the team had no leader for the big races. A patient plan, a new
            sports director and a rider who trusted it changed that.""",
        ),
    ),
)

LENA_VOS = Topic(
    slug="lena-vos",
    section="sport",
    style="athlete",
    start="2026-01-12",
    tags=("tennis", "Lena Vos", "comeback", "Summer Open"),
    ents={
        "star": "Lena Vos",
        "event": "the Summer Open",
        "coach": "Coach Marco Ferri",
        "rival": "Ana Kostić",
        "venue": "the Summer Open's centre court",
        "sport": "tennis",
    },
    facts=items("""
        Lena Vos returned to the tour after eighteen months out with a knee injury that required
        two operations.

        Her ranking had fallen outside the top four hundred during her absence.

        Vos won her first match back in straight sets, to a standing ovation.

        Marco Ferri has rebuilt her serve to reduce the strain on her knee.

        Ana Kostić, the world number one, called Vos the most dangerous unseeded player in any
        draw.

        Vos reached the quarter-finals of a major tournament for the first time since her
        injury.

        Her run at the Summer Open ended in a three-set semi-final against Kostić.

        Vos has spoken about the loneliness of rehabilitation and the doubts she had about
        returning.

        Protected ranking rules gave her entry to tournaments she would otherwise have missed.

        She won her first title since the comeback on clay in the spring.

        Commentators have praised her more aggressive return game.

        Vos finished the season back inside the top twenty.
    """),
    pieces=(
        Piece(
            "match",
            0,
            "Lena Vos wins on her return after eighteen months out",
            """The former top-ten player needed barely an hour to win her first match since
            knee surgery, and the crowd would not let her leave the court.""",
        ),
        Piece(
            "analysis",
            40,
            "Vos's new serve: how Marco Ferri rebuilt a champion's game",
            """A shorter toss, less knee bend and more spin. Her coach explains the changes that
            let Lena Vos play without pain.""",
        ),
        Piece(
            "match",
            110,
            "Lena Vos claims first title since comeback on the clay",
            """Vos beat a qualifier in the final to lift her first trophy in more than two years,
            and said afterwards she had not dared to imagine it.""",
        ),
        Piece(
            "match",
            175,
            "Vos beats second seed to reach Summer Open semi-finals",
            """An unseeded Lena Vos produced her best tennis since the injury to knock out the
            second seed in straight sets.""",
        ),
        Piece(
            "match",
            178,
            "Kostić ends Vos's Summer Open run in three-set thriller",
            """The world number one needed almost three hours to subdue Lena Vos in a semi-final
            that had the centre court on its feet.""",
        ),
        Piece(
            "analysis",
            300,
            "Lena Vos's comeback season, by the numbers",
            """From outside the top four hundred to inside the top twenty: the statistics behind
            the most remarkable return of the tennis year.""",
        ),
        Piece(
            "analysis",
            310,
            "Lena Vos: 'I didn't know if my knee would let me play again'",
            """In a long interview, Vos talks about rehabilitation, doubt and the night she
            almost retired.""",
            status="draft",
        ),
    ),
)


# ---------------------------------------------------------------------- technology

NIMBUS_PHONE = Topic(
    slug="nimbus-phone",
    section="technology",
    style="tech",
    start="2025-02-20",
    tags=("Nimbus", "Nimbus X7", "smartphones", "Android"),
    ents={
        "product": "Nimbus X7",
        "company": "Nimbus",
        "exec": "Chief executive Hana Ito",
        "rival": "Corvid",
        "category": "phone",
        "price": "899 euros",
    },
    facts=items("""
        The Nimbus X7 has a 6.3-inch display, a slimmer frame than its predecessor and a titanium
        edge.

        Its main camera uses a larger sensor that performs noticeably better in low light.

        Nimbus has moved to its own in-house chip for the first time, ending years of reliance
        on outside suppliers.

        The battery is rated at 4,800mAh and supports fast charging at up to 65 watts.

        Some early owners reported that the X7 became uncomfortably hot while charging.

        Nimbus released a software update that it said would limit charging speed when the phone
        is warm.

        The phone runs NimbusOS 6, which adds on-device transcription and a redesigned camera
        app.

        A periscope telephoto lens offers five-times optical zoom.

        The X7 is the first Nimbus handset to ship without a charger in the box.

        Repairability scores are middling, with the battery glued firmly in place.

        Nimbus promised seven years of security updates, matching the industry's best.

        The haptic feedback is among the best we have tested.

        Pre-orders were the strongest in the company's history, according to Nimbus.

        A cheaper X7 Lite followed a few months later with a plastic back and a smaller battery.

        Nimbus's market share has grown steadily in Europe over the past three years.

        The company's founder started it as a small handset brand aimed at students.

        Reviewers have praised the colour accuracy of the screen, though it is not the
        brightest.

        Nimbus uses recycled aluminium in the frame and says its packaging is plastic-free.

        The fingerprint reader sits under the display and is quick and reliable.

        Wireless charging is supported but slow compared with rivals.

        Video stabilisation is excellent, making the X7 a strong choice for creators.

        A software bug briefly caused some X7 units to drop mobile signal after an update.

        Nimbus said the overheating problem affected fewer than one percent of units.

        Consumer groups in two countries asked Nimbus to offer refunds to affected customers.

        The X7's design has been widely copied by cheaper brands.

        Nimbus plans to open its first flagship shops in several European capitals.

        After six months the battery still held more than ninety-five percent of its original
        capacity in our testing.

        The camera app's night mode takes about two seconds per shot, which is slow but rarely
        blurry.
    """),
    facts_de=items("""
        Das Nimbus X7 hat ein 6,3-Zoll-Display und einen Rahmen mit Titankante.

        Erstmals setzt Nimbus auf einen selbst entwickelten Prozessor.

        Die Hauptkamera nutzt einen größeren Sensor und liefert bei wenig Licht deutlich bessere
        Bilder.

        Der Akku fasst 4.800 mAh und lässt sich mit bis zu 65 Watt laden.

        Einige Käufer berichten, dass das Gerät beim Laden unangenehm heiß wird.

        Ein Software-Update soll die Ladeleistung drosseln, wenn das Telefon warm ist.

        Ein Periskop-Teleobjektiv bietet fünffachen optischen Zoom.

        Ein Ladegerät liegt nicht mehr im Karton.

        Nach Angaben von Nimbus ist weniger als ein Prozent der Geräte vom Überhitzen betroffen.

        Der Fingerabdrucksensor unter dem Display arbeitet schnell und zuverlässig.
    """),
    headings=("Design and screen", "Camera", "Battery and heat", "Verdict"),
    pieces=(
        Piece(
            "report",
            0,
            "Nimbus X7 launch: titanium edges and the company's first in-house chip",
            """Nimbus has unveiled its new flagship phone, and the biggest change is one you
            cannot see: a processor designed by the company itself.""",
        ),
        Piece(
            "report",
            2,
            "Deal: free earbuds with Nimbus X7 pre-orders, ends Sunday",
            """Order the new Nimbus flagship before the weekend and the company will add its
            wireless earbuds at no extra cost.""",
            expires="2025-03-09",
        ),
        Piece(
            "review",
            14,
            "Nimbus X7 review: the best camera Nimbus has made, with one hot caveat",
            """The new flagship takes superb low-light photos and feels expensive in the hand,
            but it gets warmer than it should on the charger.""",
        ),
        Piece(
            "review",
            30,
            "Capture every moment with the Nimbus X7 camera",
            """From city nights to family dinners, the X7's larger sensor and five-times zoom are
            built for the moments that matter. Brought to you by Nimbus.""",
            sponsored=True,
        ),
        Piece(
            "report",
            45,
            "Nimbus X7 owners report overheating while charging",
            """Complaints are piling up on forums from owners whose phones become too hot to hold
            on fast chargers, and Nimbus says it is investigating.""",
        ),
        Piece(
            "report",
            52,
            "Nimbus rolls out update to tame X7 charging temperatures",
            """A software update will slow charging when the phone is warm. Nimbus insists only a
            tiny fraction of handsets are affected.""",
        ),
        Piece(
            "review",
            190,
            "Six months with the Nimbus X7: a long-term review",
            """Half a year, two software updates, one cracked screen protector and thousands of
            photos later, here is how the Nimbus flagship has held up in daily use.""",
            long=True,
        ),
        Piece(
            "review",
            230,
            "Nimbus X7 Lite review: most of the flagship for half the price",
            """The cheaper X7 keeps the best camera tricks and loses the titanium. For most buyers
            that is a good trade.""",
        ),
        Piece(
            "report",
            1,
            "Nimbus X7 vorgestellt: Titanrahmen und eigener Chip",
            """Nimbus zeigt sein neues Spitzenmodell. Die wichtigste Neuerung steckt im Inneren:
            ein selbst entwickelter Prozessor.""",
            lang="de",
        ),
        Piece(
            "review",
            20,
            "Nimbus X7 im Test: Starke Kamera, heißer Akku",
            """Das neue Flaggschiff macht hervorragende Nachtaufnahmen, wird beim Schnellladen
            aber wärmer als es sollte.""",
            lang="de",
        ),
        Piece(
            "report",
            50,
            "Nimbus X7 wird beim Laden heiß – Update soll helfen",
            """Nach Beschwerden in Foren kündigt Nimbus ein Software-Update an, das die
            Ladeleistung bei hohen Temperaturen drosselt.""",
            lang="de",
        ),
    ),
)

CORVID_PHONE = Topic(
    slug="corvid-phone",
    section="technology",
    style="tech",
    start="2025-08-26",
    tags=("Corvid", "Corvid Fold 3", "foldables", "smartphones"),
    ents={
        "product": "Corvid Fold 3",
        "company": "Corvid",
        "exec": "Chief executive Rafael Nunes",
        "rival": "Nimbus",
        "category": "phone",
        "price": "1,799 euros",
    },
    facts=items("""
        The Corvid Fold 3 opens into an 8-inch tablet-sized screen and folds shut into a
        conventional phone.

        Corvid claims the new hinge has been tested for more than half a million folds.

        The crease in the inner display is much less visible than on earlier foldables.

        At almost 1,800 euros, the Fold 3 is one of the most expensive phones on the market.

        Corvid's multitasking software lets three apps run side by side on the inner screen.

        Its cameras lag behind the best conventional flagships, particularly at night.

        Some owners reported a thin line of dead pixels appearing along the fold after a few
        weeks.

        Corvid extended the warranty on the inner display to three years in response.

        Foldables still make up only a small fraction of global smartphone sales.

        The Fold 3 is lighter than its predecessor by nearly forty grams.

        Corvid is also developing a cheaper flip-style handset for younger buyers.

        Analysts say the bet on folding screens is a way for Corvid to stand out in a crowded
        premium market.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Corvid Fold 3 unveiled with a sturdier hinge and fainter crease",
            """Corvid's third folding phone is lighter and tougher, the company says, and the
            line down the middle of the big screen has almost disappeared.""",
        ),
        Piece(
            "review",
            15,
            "Corvid Fold 3 review: a tablet in your pocket, at a price",
            """Unfolded, it is a superb little tablet. Folded, it is a thick but usable phone. The
            question is whether anyone should pay this much for both.""",
        ),
        Piece(
            "report",
            70,
            "Corvid Fold 3 owners report dead pixels along the fold",
            """A growing number of buyers say a thin line of dead pixels has appeared down the
            middle of the inner display within weeks of purchase.""",
        ),
        Piece(
            "report",
            80,
            "Corvid extends Fold 3 screen warranty to three years",
            """Facing complaints about failing inner displays, Corvid will repair the screens for
            free for three years, the company said.""",
        ),
        Piece(
            "report",
            120,
            "Are foldable phones finally ready for everyone?",
            """Prices are falling, hinges are tougher and the crease is fading, but sales are
            still small. We look at what is holding folding phones back.""",
        ),
    ),
)

HALCYON_CONSOLE = Topic(
    slug="halcyon-console",
    section="technology",
    style="tech",
    start="2026-04-02",
    tags=("Halcyon Go", "gaming", "handheld", "consoles"),
    ents={
        "product": "Halcyon Go",
        "company": "Halcyon",
        "exec": "President Keiko Mori",
        "rival": "Vantage",
        "category": "console",
        "price": "449 euros",
    },
    facts=items("""
        The Halcyon Go is a handheld games console that can also connect to a television.

        Its screen is a 7-inch OLED panel with a 120Hz refresh rate.

        Battery life ranges from three to eight hours depending on the game.

        Halcyon has secured several major studios for launch titles, including a new open-world
        racing game.

        The console supports cloud streaming of games from Halcyon's subscription service.

        Early stock sold out within minutes in most markets.

        Some players reported drift in the thumbsticks after a few weeks of use.

        Halcyon offered free thumbstick repairs and pledged to use more durable parts.

        The Go can play most games from the company's previous console.

        Analysts see the handheld as Halcyon's answer to the growing popularity of handheld
        gaming PCs.

        The dock includes an ethernet port and two USB ports.

        Independent developers have praised Halcyon's simpler approval process for small games.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Halcyon Go revealed: a handheld console with an OLED screen",
            """Halcyon's next console fits in your hands and plugs into your television, and it
            arrives in June with a racing game the company hopes will sell it.""",
        ),
        Piece(
            "report",
            58,
            "Halcyon Go sells out within minutes at launch",
            """Online shops ran out of the new handheld almost as soon as orders opened, and
            resale listings appeared at twice the price.""",
        ),
        Piece(
            "review",
            60,
            "Halcyon Go review: the handheld that finally feels complete",
            """A gorgeous screen, a comfortable grip and a strong launch line-up make Halcyon's
            portable the easiest gaming recommendation of the year.""",
        ),
        Piece(
            "report",
            110,
            "Halcyon Go thumbstick drift: company offers free repairs",
            """After weeks of complaints from players whose characters wander on their own,
            Halcyon says it will fix affected controllers at no cost.""",
        ),
        Piece(
            "report",
            150,
            "Halcyon Go's first six months: the games that defined it",
            """From the racing game that launched it to the tiny indie hits that kept it alive
            over the summer, here is how the handheld's library has grown.""",
        ),
        Piece(
            "report",
            200,
            "Halcyon Go Pro rumours: what we know so far",
            """Supply-chain leaks point to a more powerful version of the handheld next year.
            Here is what has been reported, and what is still guesswork.""",
            status="draft",
        ),
    ),
)

ASSISTANT_PRIVACY = Topic(
    slug="assistant-privacy",
    section="technology",
    style="tech",
    start="2025-05-12",
    tags=("Lumen", "privacy", "voice assistants", "smart speakers"),
    ents={
        "product": "Lumen Echo speaker",
        "company": "Lumen",
        "exec": "Chief privacy officer Dana Whitfield",
        "rival": "Orbis",
        "category": "smart speaker",
        "price": "129 euros",
    },
    facts=items("""
        The Lumen Assistant, built into the company's smart speakers, was found to have kept
        voice recordings that users believed had been deleted.

        A security researcher discovered the recordings in a cloud backup tied to user
        accounts.

        Lumen said a software error had stopped deletion requests from reaching the backup
        servers.

        Data protection regulators in three countries opened investigations.

        The company apologised and said all affected recordings had now been erased.

        Contractors had been allowed to listen to a small sample of recordings to improve
        speech recognition.

        Privacy campaigners called for voice assistants to process commands entirely on the
        device.

        Lumen introduced a dashboard letting users see and delete everything the assistant had
        stored.

        Sales of Lumen's speakers fell in the quarter after the revelations.

        A regulator fined Lumen for failing to honour deletion requests.

        The company has since moved most speech processing onto the speakers themselves.

        A class action lawsuit on behalf of users is ongoing.
    """),
    pieces=(
        Piece(
            "report",
            0,
            "Lumen Assistant kept voice recordings users thought were deleted, researcher finds",
            """Recordings of questions, arguments and bedtime stories were still sitting in a
            cloud backup months after owners asked Lumen to erase them.""",
        ),
        Piece(
            "report",
            3,
            "Regulators open investigations into Lumen voice recordings",
            """Data protection authorities in three countries want to know why deleted
            recordings from Lumen's assistant were still on the company's servers.""",
        ),
        Piece(
            "report",
            20,
            "Lumen apologises and launches privacy dashboard for its assistant",
            """The company says a bug was to blame, has erased the backups and now lets owners
            see every recording their speaker has stored.""",
        ),
        Piece(
            "report",
            40,
            "What your smart speaker really hears, and where it goes",
            """Wake words, cloud processing, human reviewers and backups: a plain guide to what
            happens after you talk to the speaker in your kitchen.""",
        ),
        Piece(
            "report",
            330,
            "Lumen fined over failure to delete assistant recordings",
            """A regulator has imposed a multimillion-euro penalty on Lumen, saying the company
            ignored deletion requests for almost two years.""",
        ),
    ),
)
