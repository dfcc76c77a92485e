//! Messages about photos: their alt texts, consent, files and processing.

catalogue! {
    /// Problems with photos.
    Photos {
        Progress: "photos", "zdjęcia";
        AltEmpty: "the alt text is empty", "tekst alternatywny jest pusty";
        AltShort: "the alt text is too short to describe the photo", "tekst alternatywny jest za krótki, by opisać zdjęcie";
        AltFileName: "the alt text is a file name", "tekst alternatywny to nazwa pliku";
        AltPlaceholder: "the alt text is a placeholder, not a description", "tekst alternatywny to wypełniacz, a nie opis";
        AltImportPlaceholder: "the alt text is still the placeholder the import wrote", "tekst alternatywny to wciąż wypełniacz wpisany przy imporcie";
        AltCameraName: "the alt text is a camera file name", "tekst alternatywny to nazwa pliku z aparatu";
        BadAlt: "{why}: \"{alt}\" (photo `{src}`)", "{why}: „{alt}” (zdjęcie `{src}`)";
        BadAltHint: "describe what the photo shows, e.g. `alt: Seniorzy podczas warsztatów kulinarnych`; a purely decorative photo can be marked `decorative: true`",
            "opisz, co widać na zdjęciu, np. `alt: Seniorzy podczas warsztatów kulinarnych`; zdjęcie czysto ozdobne można oznaczyć `decorative: true`";
        NoAlt: "the photo `{src}` has no alt text", "zdjęcie `{src}` nie ma tekstu alternatywnego";
        NoAltHint: "add `alt:` describing what the photo shows, for people who cannot see it; a purely decorative photo can be marked `decorative: true`",
            "dodaj `alt:` z opisem tego, co widać na zdjęciu, dla osób, które go nie widzą; zdjęcie czysto ozdobne można oznaczyć `decorative: true`";
        NoConsent: "the photo `{src}` shows people but no consent is recorded", "zdjęcie `{src}` pokazuje ludzi, ale nie zapisano ich zgody";
        NoConsentHint: "publish it only with the consent of the people shown, then add `consent: true`; otherwise remove the photo",
            "opublikuj je tylko za zgodą widocznych osób i wtedy dodaj `consent: true`; w przeciwnym razie usuń zdjęcie";
        RevealsAssistance: "the {part} of the photo `{src}` names a person together with words about social assistance",
            "{part} zdjęcia `{src}` wymienia osobę razem ze słowami o pomocy społecznej";
        RevealsAssistanceHint: "art. 100 of the social-assistance act keeps who receives help confidential: describe the scene without the person's name, or publish only with their written consent to exactly this text",
            "art. 100 ustawy o pomocy społecznej chroni tajemnicą to, kto otrzymuje pomoc: opisz scenę bez nazwiska tej osoby albo opublikuj tylko za jej pisemną zgodą na dokładnie ten tekst";
        PartAlt: "alt text", "tekst alternatywny";
        PartCaption: "caption", "podpis";
        ChildNoConsent: "the photo `{src}` shows a child but no consent of a parent or guardian is recorded", "zdjęcie `{src}` pokazuje dziecko, ale nie zapisano zgody rodzica ani opiekuna";
        ChildNoConsentHint: "publish it only with the written consent of the child's parent or legal guardian, then add `guardian_consent: true`; otherwise remove the photo or choose one where the child cannot be recognised",
            "opublikuj je tylko za pisemną zgodą rodzica lub opiekuna prawnego dziecka i wtedy dodaj `guardian_consent: true`; w przeciwnym razie usuń zdjęcie albo wybierz takie, na którym dziecka nie da się rozpoznać";
        OutsideFolder: "the photo path `{src}` leads out of the document's folder", "ścieżka zdjęcia `{src}` wychodzi poza folder dokumentu";
        OutsideFolderHint: "put the photo next to the Markdown file (a page bundle) and write just its name, e.g. `src: zdjecie-1.jpg`",
            "umieść zdjęcie obok pliku Markdown (w folderze wpisu) i wpisz samą jego nazwę, np. `src: zdjecie-1.jpg`";
        NotAPhoto: "`{src}` is not a photo tablica can publish", "`{src}` to nie jest zdjęcie, które tablica może opublikować";
        NotAPhotoHint: "use JPEG, PNG, WebP or GIF files", "używaj plików JPEG, PNG, WebP albo GIF";
        Heic: "`{src}` is an HEIC photo (the iPhone's format), which browsers do not show and tablica cannot convert",
            "`{src}` to zdjęcie HEIC (format iPhone'a): przeglądarki go nie pokazują, a tablica nie umie go przekonwertować";
        HeicHint: "save this photo as JPEG (on the iPhone: share it by e-mail or to Files, which sends JPEG; or open it on a computer and export it as JPEG), put it beside the text and write its new name; for the next photos set Settings → Camera → Formats → Most Compatible",
            "zapisz to zdjęcie jako JPEG (na iPhonie: wyślij je e-mailem albo zapisz w aplikacji Pliki, które dają JPEG; albo otwórz je na komputerze i wyeksportuj jako JPEG), połóż obok tekstu i wpisz jego nową nazwę; by kolejne zdjęcia były w JPEG, ustaw w telefonie Ustawienia → Aparat → Formaty → Najbardziej zgodny";
        BadAltTextHint: "describe what the photo shows between the brackets, e.g. `![Seniorzy podczas warsztatów kulinarnych](kuchnia.jpg)`",
            "opisz w nawiasie kwadratowym, co widać na zdjęciu, np. `![Seniorzy podczas warsztatów kulinarnych](kuchnia.jpg)`";
        TextPhotoElsewhere: "the image `{url}` is not a photo beside this document: it is shown as written, not resized, cleaned of GPS data or checked to exist",
            "obraz `{url}` nie jest zdjęciem z folderu tego dokumentu: pokazuje się tak, jak go wpisano, bez zmniejszenia, usunięcia danych GPS i sprawdzenia, czy istnieje";
        TextPhotoElsewhereHint: "put the photo beside `index.md` and write just its name: `![Plakat festynu](plakat.jpg)`",
            "połóż zdjęcie obok `index.md` i wpisz samą jego nazwę: `![Plakat festynu](plakat.jpg)`";
        LinkOutside: "the photo `{src}` is a link to a file outside the site", "zdjęcie `{src}` jest dowiązaniem do pliku spoza strony";
        BrokenLink: "the photo `{src}` is a link that leads nowhere (a broken link or a loop of links)", "zdjęcie `{src}` jest dowiązaniem donikąd (zerwanym albo zapętlonym)";
        LinkHint: "copy the photo into the document's folder instead of linking to it", "skopiuj zdjęcie do folderu dokumentu zamiast tworzyć dowiązanie";
        Missing: "the photo `{src}` does not exist", "zdjęcie `{src}` nie istnieje";
        MissingHint: "check the file name (letters, case and extension must match) and that the photo is in the same folder as the Markdown file",
            "sprawdź nazwę pliku (litery, wielkość liter i rozszerzenie muszą się zgadzać) i czy zdjęcie leży w tym samym folderze co plik Markdown";
        BadSidecar: "invalid alt text file: {detail}", "błędny plik z tekstami alternatywnymi: {detail}";
        BadSidecarHint: "write one line per photo: `zdjecie-1.jpg: Opis tego, co widać na zdjęciu`", "pisz jeden wiersz na zdjęcie: `zdjecie-1.jpg: Opis tego, co widać na zdjęciu`";
        SidecarNoAltHint: "add a line `{name}: <what the photo shows>` to {file} in the photo folder", "dodaj wiersz `{name}: <co widać na zdjęciu>` do pliku {file} w folderze ze zdjęciami";
        DescribedNoPhoto: "`{name}` is described but there is no such photo", "opisano `{name}`, ale nie ma takiego zdjęcia";
        DescribedNoPhotoHint: "remove the line or check the file name", "usuń ten wiersz albo sprawdź nazwę pliku";
        NoFolder: "the photo folder `{dir}` does not exist inside the document's folder", "folder ze zdjęciami `{dir}` nie istnieje w folderze dokumentu";
        NoFolderHint: "create the folder next to the Markdown file and write its name, e.g. `gallery: { dir: zdjecia }`",
            "utwórz folder obok pliku Markdown i wpisz jego nazwę, np. `gallery: { dir: zdjecia }`";

        CannotRead: "cannot read the photo: {error}", "nie można odczytać zdjęcia: {error}";
        UnknownFormat: "the file is not a photo in a known format (JPEG, PNG, WebP, GIF)", "plik nie jest zdjęciem w znanym formacie (JPEG, PNG, WebP, GIF)";
        Truncated: "the photo is cut off (truncated): its data ends before the end of the picture, as after an interrupted copy or download",
            "zdjęcie jest ucięte: jego dane kończą się przed końcem obrazu, jak po przerwanym kopiowaniu lub pobieraniu";
        Damaged: "the photo is damaged or unsupported: {error}", "zdjęcie jest uszkodzone albo w nieobsługiwanym formacie: {error}";
        DamagedTruncated: "the photo is damaged or truncated: {error}", "zdjęcie jest uszkodzone albo ucięte: {error}";
        TooMuchMemory: "the photo needs {needed} MB of memory to process ({width} × {height} pixels); the limit is {limit} MB (images.max_memory_mb in site.yaml)",
            "przetworzenie zdjęcia wymaga {needed} MB pamięci ({width} × {height} pikseli); limit to {limit} MB (images.max_memory_mb w site.yaml)";
        TooManyPixels: "the photo is too large: {width} × {height} pixels ({megapixels} megapixels; the limit is {limit})",
            "zdjęcie jest za duże: {width} × {height} pikseli ({megapixels} megapikseli; limit to {limit})";
        TooLarge: "the photo is too large: {width} × {height} pixels", "zdjęcie jest za duże: {width} × {height} pikseli";
        NoPixels: "the photo has no pixels", "zdjęcie nie ma pikseli";
        CannotEncode: "cannot encode the photo: {error}", "nie można zakodować zdjęcia: {error}";
        CannotWriteCache: "cannot write the photo cache: {error}", "nie można zapisać pamięci podręcznej zdjęć: {error}";
        CacheHint: "free some disk space or check the folder's permissions; the cache folder may also be deleted, it is rebuilt",
            "zwolnij miejsce na dysku albo sprawdź uprawnienia do folderu; folder pamięci podręcznej można też usunąć, zostanie odtworzony";
        BadPhotoHint: "open the photo in an image viewer and save it again as JPEG (or export a smaller copy from the phone); `images.on_error: skip` in site.yaml builds the site without it",
            "otwórz zdjęcie w przeglądarce obrazów i zapisz je ponownie jako JPEG (albo wyeksportuj mniejszą kopię z telefonu); `images.on_error: skip` w site.yaml zbuduje stronę bez niego";
        ResaveHint: "open the photo in an image viewer and save it again as JPEG", "otwórz zdjęcie w przeglądarce obrazów i zapisz je ponownie jako JPEG";
    }
}
