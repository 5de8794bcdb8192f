<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
    <context>
        <name>AddCourseDialog</name>
        <message>
            <source>Add a course</source>
            <translation>Ajouter un cours</translation>
        </message>
        <message>
            <source>From a file or USB stick</source>
            <translation>Depuis un fichier ou une clé USB</translation>
        </message>
        <message>
            <source>From a web address</source>
            <translation>Depuis une adresse web</translation>
        </message>
        <message>
            <source>Choose a course package: a .zip file, or the course.json of a course folder. No network is needed.</source>
            <translation>Choisissez un paquet de cours : un fichier .zip, ou le course.json d’un dossier de cours. Aucun réseau n’est nécessaire.</translation>
        </message>
        <message>
            <source>No USB stick found. Plug one in, or pick any folder.</source>
            <translation>Aucune clé USB trouvée. Branchez-en une, ou choisissez un autre dossier.</translation>
        </message>
        <message>
            <source>&amp;Choose a file…</source>
            <translation>&amp;Choisir un fichier…</translation>
        </message>
        <message>
            <source>Paste the address a trainer gave you. You will see the size before anything is downloaded; an interrupted download continues where it stopped.</source>
            <translation>Collez l’adresse donnée par votre formateur. Vous verrez la taille avant tout téléchargement ; un téléchargement interrompu reprend là où il s’est arrêté.</translation>
        </message>
        <message>
            <source>&amp;Web address:</source>
            <translation>Adresse &amp;web :</translation>
        </message>
        <message>
            <source>Web address of the course</source>
            <translation>Adresse web du cours</translation>
        </message>
        <message>
            <source>&amp;Check</source>
            <translation>&amp;Vérifier</translation>
        </message>
        <message>
            <source>Course:</source>
            <translation>Cours :</translation>
        </message>
        <message>
            <source>&amp;Video quality:</source>
            <translation>&amp;Qualité vidéo :</translation>
        </message>
        <message>
            <source>Download:</source>
            <translation>Téléchargement :</translation>
        </message>
        <message>
            <source>Cancel download</source>
            <translation>Annuler le téléchargement</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>USB sticks found: %1</source>
            <translation>Clés USB trouvées : %1</translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>&amp;Reprendre</translation>
        </message>
        <message>
            <source>&amp;Update</source>
            <translation>Mettre à &amp;jour</translation>
        </message>
        <message>
            <source>&amp;Install</source>
            <translation>&amp;Installer</translation>
        </message>
        <message>
            <source>Everything in the package</source>
            <translation>Tout le contenu du paquet</translation>
        </message>
        <message>
            <source>Good (480p)</source>
            <translation>Bonne (480p)</translation>
        </message>
        <message>
            <source>Medium (360p)</source>
            <translation>Moyenne (360p)</translation>
        </message>
        <message>
            <source>Light (240p)</source>
            <translation>Légère (240p)</translation>
        </message>
        <message>
            <source>Lightest video</source>
            <translation>Vidéo la plus légère</translation>
        </message>
        <message>
            <source>Sound only</source>
            <translation>Son seulement</translation>
        </message>
        <message>
            <source>Choose a course package</source>
            <translation>Choisir un paquet de cours</translation>
        </message>
        <message>
            <source>Course packages (*.zip course.json);;All files (*)</source>
            <translation>Paquets de cours (*.zip course.json);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Reading the course…</source>
            <translation>Lecture du cours…</translation>
        </message>
        <message>
            <source>%1, version %2</source>
            <translation>%1, version %2</translation>
        </message>
        <message>
            <source>already installed: version %1</source>
            <translation>déjà installé : version %1</translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <source>%1 to copy or download; %2 free on this computer.</source>
            <translation>%1 à copier ou télécharger ; %2 libres sur cet ordinateur.</translation>
        </message>
        <message>
            <source>Not enough free space.</source>
            <translation>Espace libre insuffisant.</translation>
        </message>
        <message>
            <source>This version is already installed; nothing to copy.</source>
            <translation>Cette version est déjà installée ; rien à copier.</translation>
        </message>
        <message>
            <source>Installing…</source>
            <translation>Installation…</translation>
        </message>
        <message>
            <source>The course is installed. You can open it from the library.</source>
            <translation>Le cours est installé. Vous pouvez l’ouvrir depuis la bibliothèque.</translation>
        </message>
        <message>
            <source>%1 of %2 — %3/s — %4 left</source>
            <translation>%1 sur %2 — %3/s — reste %4</translation>
        </message>
        <message>
            <source>Cancelled. What was downloaded is kept: press Resume to continue.</source>
            <translation>Annulé. Ce qui a été téléchargé est conservé : appuyez sur Reprendre pour continuer.</translation>
        </message>
    </context>
    <context>
        <name>CourseCard</name>
        <message>
            <source>%1 · version %2 · %3</source>
            <translation>%1 · version %2 · %3</translation>
        </message>
        <message>
            <source>%1 % done</source>
            <translation>%1 % fait</translation>
        </message>
        <message>
            <source>Progress in %1</source>
            <translation>Progression dans %1</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>Continuer</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Ouvrir</translation>
        </message>
        <message>
            <source>Continue %1</source>
            <translation>Continuer %1</translation>
        </message>
        <message>
            <source>Open %1</source>
            <translation>Ouvrir %1</translation>
        </message>
    </context>
    <context>
        <name>DashboardDialog</name>
        <message>
            <source>Trainer dashboard</source>
            <translation>Tableau de bord du formateur</translation>
        </message>
        <message>
            <source>Trainer PIN</source>
            <translation>Code PIN du formateur</translation>
        </message>
        <message>
            <source>&amp;Open the dashboard</source>
            <translation>&amp;Ouvrir le tableau de bord</translation>
        </message>
        <message>
            <source>Workshop progress</source>
            <translation>Progression de l’atelier</translation>
        </message>
        <message>
            <source>&amp;Course:</source>
            <translation>&amp;Cours :</translation>
        </message>
        <message>
            <source>Learner</source>
            <translation>Apprenant</translation>
        </message>
        <message>
            <source>Module</source>
            <translation>Module</translation>
        </message>
        <message>
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <source>Lessons</source>
            <translation>Leçons</translation>
        </message>
        <message>
            <source>Best score</source>
            <translation>Meilleur score</translation>
        </message>
        <message>
            <source>Time spent</source>
            <translation>Temps passé</translation>
        </message>
        <message>
            <source>Last activity</source>
            <translation>Dernière activité</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Envoi</translation>
        </message>
        <message>
            <source>Learners and modules</source>
            <translation>Apprenants et modules</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Terminé</translation>
        </message>
        <message>
            <source>Average best score</source>
            <translation>Moyenne des meilleurs scores</translation>
        </message>
        <message>
            <source>Per module: learners who completed it, average</source>
            <translation>Par module : apprenants qui l’ont terminé, moyenne</translation>
        </message>
        <message>
            <source>&amp;Import a laptop's progress file…</source>
            <translation>&amp;Importer le fichier de progression d’un ordinateur…</translation>
        </message>
        <message>
            <source>Export &amp;CSV…</source>
            <translation>Exporter en &amp;CSV…</translation>
        </message>
        <message>
            <source>&amp;Print the selected learner's summary (PDF)…</source>
            <translation>&amp;Imprimer le bilan de l’apprenant choisi (PDF)…</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Actualiser</translation>
        </message>
        <message>
            <source>All courses</source>
            <translation>Tous les cours</translation>
        </message>
        <message>
            <source>Wrong PIN.</source>
            <translation>Code PIN incorrect.</translation>
        </message>
        <message>
            <source>complete</source>
            <translation>terminé</translation>
        </message>
        <message>
            <source>open</source>
            <translation>ouvert</translation>
        </message>
        <message>
            <source>locked</source>
            <translation>verrouillé</translation>
        </message>
        <message>
            <source>not reported</source>
            <translation>non transmis</translation>
        </message>
        <message>
            <source>%1 waiting</source>
            <translation>%1 en attente</translation>
        </message>
        <message>
            <source>all sent</source>
            <translation>tout envoyé</translation>
        </message>
        <message>
            <source>rejected by the LRS</source>
            <translation>refusé par le LRS</translation>
        </message>
        <message>
            <source>Known from an imported progress file</source>
            <translation>Connu par un fichier de progression importé</translation>
        </message>
        <message>
            <source>%1 learner(s)</source>
            <translation>%1 apprenant(s)</translation>
        </message>
        <message>
            <source>Progress file</source>
            <translation>Fichier de progression</translation>
        </message>
        <message>
            <source>Progress files (*.jsonl);;All files (*)</source>
            <translation>Fichiers de progression (*.jsonl);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>%1: %2 new, %3 already here, %4 rejected line(s).</source>
            <translation>%1 : %2 nouveaux, %3 déjà présents, %4 ligne(s) refusée(s).</translation>
        </message>
        <message>
            <source>Export CSV</source>
            <translation>Exporter en CSV</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>Fichiers CSV (*.csv)</translation>
        </message>
        <message>
            <source>%1 row(s) written to %2</source>
            <translation>%1 ligne(s) écrite(s) dans %2</translation>
        </message>
        <message>
            <source>Select a learner's row first.</source>
            <translation>Choisissez d’abord la ligne d’un apprenant.</translation>
        </message>
        <message>
            <source>Learner summary</source>
            <translation>Bilan de l’apprenant</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Fichiers PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Summary written to %1</source>
            <translation>Bilan écrit dans %1</translation>
        </message>
    </context>
    <context>
        <name>LearnerDialog</name>
        <message>
            <source>Switch learner</source>
            <translation>Changer d’apprenant</translation>
        </message>
        <message>
            <source>Who is learning?</source>
            <translation>Qui apprend ?</translation>
        </message>
        <message>
            <source>Learners on this computer</source>
            <translation>Apprenants sur cet ordinateur</translation>
        </message>
        <message>
            <source>&amp;PIN:</source>
            <translation>Code &amp;PIN :</translation>
        </message>
        <message>
            <source>PIN of the chosen learner</source>
            <translation>Code PIN de l’apprenant choisi</translation>
        </message>
        <message>
            <source>New learner</source>
            <translation>Nouvel apprenant</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Nom :</translation>
        </message>
        <message>
            <source>&amp;E-mail (optional):</source>
            <translation>&amp;E-mail (facultatif) :</translation>
        </message>
        <message>
            <source>P&amp;IN (optional, 4 to 8 digits):</source>
            <translation>Code P&amp;IN (facultatif, 4 à 8 chiffres) :</translation>
        </message>
        <message>
            <source>Name of the new learner</source>
            <translation>Nom du nouvel apprenant</translation>
        </message>
        <message>
            <source>E-mail of the new learner</source>
            <translation>E-mail du nouvel apprenant</translation>
        </message>
        <message>
            <source>PIN of the new learner</source>
            <translation>Code PIN du nouvel apprenant</translation>
        </message>
        <message>
            <source>&amp;Add this learner</source>
            <translation>&amp;Ajouter cet apprenant</translation>
        </message>
        <message>
            <source>&amp;Switch</source>
            <translation>&amp;Changer</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>%1 (current)</source>
            <translation>%1 (actuel)</translation>
        </message>
        <message>
            <source>Protected by a PIN</source>
            <translation>Protégé par un code PIN</translation>
        </message>
        <message>
            <source>Enter %1's PIN.</source>
            <translation>Saisissez le code PIN de %1.</translation>
        </message>
        <message>
            <source>Wrong PIN. Try again.</source>
            <translation>Code PIN incorrect. Réessayez.</translation>
        </message>
        <message>
            <source>A PIN has 4 to 8 digits.</source>
            <translation>Un code PIN a de 4 à 8 chiffres.</translation>
        </message>
        <message>
            <source>%1 was added. Press Switch to continue as %1.</source>
            <translation>%1 a été ajouté. Appuyez sur Changer pour continuer en tant que %1.</translation>
        </message>
    </context>
    <context>
        <name>LibraryScreen</name>
        <message>
            <source>My courses</source>
            <translation>Mes cours</translation>
        </message>
        <message>
            <source>Add a course…</source>
            <translation>Ajouter un cours…</translation>
        </message>
        <message>
            <source>Add a course</source>
            <translation>Ajouter un cours</translation>
        </message>
        <message>
            <source>No course is installed yet. Add one from a file, a USB stick or a web address; everything then works without a network.</source>
            <translation>Aucun cours n’est encore installé. Ajoutez-en un depuis un fichier, une clé USB ou une adresse web ; tout fonctionne ensuite sans réseau.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Learner</source>
            <translation>Apprenant</translation>
        </message>
        <message>
            <source>Course Player</source>
            <translation>Lecteur de cours</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>Barre d’outils principale</translation>
        </message>
        <message>
            <source>&amp;Library</source>
            <translation>&amp;Bibliothèque</translation>
        </message>
        <message>
            <source>Your courses (Ctrl+Home)</source>
            <translation>Vos cours (Ctrl+Début)</translation>
        </message>
        <message>
            <source>&amp;Add a course…</source>
            <translation>&amp;Ajouter un cours…</translation>
        </message>
        <message>
            <source>Install a course from a file, a USB stick or the web</source>
            <translation>Installer un cours depuis un fichier, une clé USB ou le web</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Retour</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>&amp;Paramètres</translation>
        </message>
        <message>
            <source>Learner: %1</source>
            <translation>Apprenant : %1</translation>
        </message>
        <message>
            <source>Switch learner (Ctrl+L)</source>
            <translation>Changer d’apprenant (Ctrl+L)</translation>
        </message>
        <message>
            <source>Offline mode</source>
            <translation>Mode hors ligne</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>En ligne</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Hors ligne</translation>
        </message>
        <message>
            <source>Connection: %1</source>
            <translation>Connexion : %1</translation>
        </message>
        <message numerus="yes">
            <source>%n completion(s) waiting to be sent</source>
            <translation>
                <numerusform>%n résultat en attente d’envoi</numerusform>
                <numerusform>%n résultats en attente d’envoi</numerusform>
            </translation>
        </message>
        <message>
            <source>All sent at %1</source>
            <translation>Tout envoyé à %1</translation>
        </message>
        <message>
            <source>Nothing to send</source>
            <translation>Rien à envoyer</translation>
        </message>
        <message numerus="yes">
            <source>%n refused by the server</source>
            <translation>
                <numerusform>%n refusé par le serveur</numerusform>
                <numerusform>%n refusés par le serveur</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot open this lesson</source>
            <translation>Impossible d’ouvrir cette leçon</translation>
        </message>
    </context>
    <context>
        <name>OutlineScreen</name>
        <message>
            <source>← Library</source>
            <translation>← Bibliothèque</translation>
        </message>
        <message>
            <source>Back to the library</source>
            <translation>Retour à la bibliothèque</translation>
        </message>
        <message>
            <source>Back to the library (Alt+Left)</source>
            <translation>Retour à la bibliothèque (Alt+Gauche)</translation>
        </message>
        <message>
            <source>Loading the course…</source>
            <translation>Chargement du cours…</translation>
        </message>
        <message>
            <source>Continue where I stopped</source>
            <translation>Reprendre là où je me suis arrêté</translation>
        </message>
        <message>
            <source>Course complete: all %1 lessons done. Well done!</source>
            <translation>Cours terminé : les %1 leçons sont faites. Bravo !</translation>
        </message>
        <message>
            <source>%1 of %2 lessons done</source>
            <translation>%1 leçons faites sur %2</translation>
        </message>
        <message>
            <source>Nothing left to do</source>
            <translation>Plus rien à faire</translation>
        </message>
        <message>
            <source>Start the course</source>
            <translation>Commencer le cours</translation>
        </message>
        <message>
            <source>Opens “%1”</source>
            <translation>Ouvre « %1 »</translation>
        </message>
        <message>
            <source>Module complete.</source>
            <translation>Module terminé.</translation>
        </message>
        <message>
            <source>%1 of %2 lessons done.</source>
            <translation>%1 leçons faites sur %2.</translation>
        </message>
        <message>
            <source>Locked: finish the module before.</source>
            <translation>Verrouillé : terminez d’abord le module précédent.</translation>
        </message>
        <message>
            <source>reach %1 in “%2” (%3)</source>
            <translation>obtenir %1 à « %2 » (%3)</translation>
        </message>
        <message>
            <source> — best so far %1</source>
            <translation> — meilleur score actuel %1</translation>
        </message>
        <message>
            <source>finish “%1”</source>
            <translation>terminer « %1 »</translation>
        </message>
        <message>
            <source>finish the other %1 lessons of “%2”</source>
            <translation>terminer les %1 autres leçons de « %2 »</translation>
        </message>
        <message>
            <source>Locked: complete “%1” first.</source>
            <translation>Verrouillé : terminez d’abord « %1 ».</translation>
        </message>
        <message>
            <source>Locked. To open it: %1.</source>
            <translation>Verrouillé. Pour l’ouvrir : %1.</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>Vidéo</translation>
        </message>
        <message>
            <source>Reading</source>
            <translation>Lecture</translation>
        </message>
        <message>
            <source>Quiz</source>
            <translation>Quiz</translation>
        </message>
        <message>
            <source>Survey</source>
            <translation>Questionnaire</translation>
        </message>
        <message>
            <source>locked</source>
            <translation>verrouillé</translation>
        </message>
        <message>
            <source>done</source>
            <translation>fait</translation>
        </message>
        <message>
            <source>passed, best %1</source>
            <translation>réussi, meilleur score %1</translation>
        </message>
        <message>
            <source>in progress</source>
            <translation>en cours</translation>
        </message>
        <message>
            <source>best %1, %2 needed</source>
            <translation>meilleur score %1, %2 requis</translation>
        </message>
        <message>
            <source>to do</source>
            <translation>à faire</translation>
        </message>
        <message>
            <source>▶ Next: %1</source>
            <translation>▶ Suivant : %1</translation>
        </message>
    </context>
    <context>
        <name>QuestionPage</name>
        <message>
            <source>Choose one answer.</source>
            <translation>Choisissez une réponse.</translation>
        </message>
        <message>
            <source>Choose every correct answer.</source>
            <translation>Choisissez toutes les bonnes réponses.</translation>
        </message>
        <message>
            <source>True or false?</source>
            <translation>Vrai ou faux ?</translation>
        </message>
        <message>
            <source>Type your answer.</source>
            <translation>Tapez votre réponse.</translation>
        </message>
        <message>
            <source>True</source>
            <translation>Vrai</translation>
        </message>
        <message>
            <source>False</source>
            <translation>Faux</translation>
        </message>
        <message>
            <source>Your answer</source>
            <translation>Votre réponse</translation>
        </message>
    </context>
    <context>
        <name>QuizScreen</name>
        <message>
            <source>Question %1 of %2</source>
            <translation>Question %1 sur %2</translation>
        </message>
        <message>
            <source>Submit the quiz?</source>
            <translation>Valider le quiz ?</translation>
        </message>
        <message numerus="yes">
            <source>%n question(s) have no answer yet. Submit anyway?</source>
            <translation>
                <numerusform>%n question n’a pas encore de réponse. Valider quand même ?</numerusform>
                <numerusform>%n questions n’ont pas encore de réponse. Valider quand même ?</numerusform>
            </translation>
        </message>
        <message>
            <source>← Outline</source>
            <translation>← Sommaire</translation>
        </message>
        <message>
            <source>Back to the course outline</source>
            <translation>Retour au sommaire du cours</translation>
        </message>
        <message>
            <source>← &amp;Previous</source>
            <translation>← &amp;Précédente</translation>
        </message>
        <message>
            <source>&amp;Next →</source>
            <translation>&amp;Suivante →</translation>
        </message>
        <message>
            <source>&amp;Submit answers</source>
            <translation>&amp;Valider mes réponses</translation>
        </message>
        <message>
            <source>Submit (Ctrl+Enter)</source>
            <translation>Valider (Ctrl+Entrée)</translation>
        </message>
        <message>
            <source>&amp;Try again</source>
            <translation>&amp;Réessayer</translation>
        </message>
        <message>
            <source>Back to the &amp;outline</source>
            <translation>Retour au &amp;sommaire</translation>
        </message>
        <message>
            <source>Next &amp;lesson →</source>
            <translation>&amp;Leçon suivante →</translation>
        </message>
        <message>
            <source>Loading the quiz…</source>
            <translation>Chargement du quiz…</translation>
        </message>
        <message>
            <source>Pass mark: %1.</source>
            <translation>Seuil de réussite : %1.</translation>
        </message>
        <message>
            <source>Your best score so far: %1.</source>
            <translation>Votre meilleur score jusqu’ici : %1.</translation>
        </message>
        <message>
            <source>Each answer is saved as soon as you give it.</source>
            <translation>Chaque réponse est enregistrée dès que vous la donnez.</translation>
        </message>
        <message>
            <source>✓ Passed</source>
            <translation>✓ Réussi</translation>
        </message>
        <message>
            <source>Not passed yet</source>
            <translation>Pas encore réussi</translation>
        </message>
        <message>
            <source>Your score: %1 — pass mark %2 — best score %3</source>
            <translation>Votre score : %1 — seuil %2 — meilleur score %3</translation>
        </message>
        <message>
            <source>“%1”</source>
            <translation>« %1 »</translation>
        </message>
        <message>
            <source>Unlocked: %1 is now open.</source>
            <translation>Déverrouillé : %1 est maintenant ouvert.</translation>
        </message>
        <message>
            <source>Course complete. Congratulations!</source>
            <translation>Cours terminé. Félicitations !</translation>
        </message>
        <message>
            <source>Answers and explanations</source>
            <translation>Réponses et explications</translation>
        </message>
        <message>
            <source>Correct</source>
            <translation>Juste</translation>
        </message>
        <message>
            <source>Not correct</source>
            <translation>Faux</translation>
        </message>
        <message>
            <source>Your answer:</source>
            <translation>Votre réponse :</translation>
        </message>
        <message>
            <source>Correct answer:</source>
            <translation>Bonne réponse :</translation>
        </message>
        <message>
            <source>(no answer)</source>
            <translation>(pas de réponse)</translation>
        </message>
        <message>
            <source>True</source>
            <translation>Vrai</translation>
        </message>
        <message>
            <source>False</source>
            <translation>Faux</translation>
        </message>
    </context>
    <context>
        <name>ReadingScreen</name>
        <message>
            <source>← Outline</source>
            <translation>← Sommaire</translation>
        </message>
        <message>
            <source>Back to the course outline (Alt+Left)</source>
            <translation>Retour au sommaire du cours (Alt+Gauche)</translation>
        </message>
        <message>
            <source>Back to the course outline</source>
            <translation>Retour au sommaire du cours</translation>
        </message>
        <message>
            <source>Next lesson →</source>
            <translation>Leçon suivante →</translation>
        </message>
        <message>
            <source>Next lesson</source>
            <translation>Leçon suivante</translation>
        </message>
        <message>
            <source>Page: %1</source>
            <translation>Page : %1</translation>
        </message>
        <message>
            <source>✓ Page read</source>
            <translation>✓ Page lue</translation>
        </message>
        <message>
            <source>Links outside the course are not opened by the player: %1</source>
            <translation>Les liens hors du cours ne sont pas ouverts par le lecteur : %1</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <source>Same as the computer</source>
            <translation>Comme l’ordinateur</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Langue :</translation>
        </message>
        <message>
            <source>Data folder:</source>
            <translation>Dossier des données :</translation>
        </message>
        <message>
            <source>Data folder</source>
            <translation>Dossier des données</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Ouvrir</translation>
        </message>
        <message>
            <source>Open the data folder</source>
            <translation>Ouvrir le dossier des données</translation>
        </message>
        <message>
            <source>&amp;Slow or costly connection: download the lightest videos</source>
            <translation>Connexion &amp;lente ou coûteuse : télécharger les vidéos les plus légères</translation>
        </message>
        <message>
            <source>Sending completions (optional)</source>
            <translation>Envoi des résultats (facultatif)</translation>
        </message>
        <message>
            <source>LRS &amp;address:</source>
            <translation>&amp;Adresse du LRS :</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>Nom d’&amp;utilisateur :</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Mot de passe :</translation>
        </message>
        <message>
            <source>When this address answers, completions are sent in the background. Without it, the player works fully offline.</source>
            <translation>Quand cette adresse répond, les résultats sont envoyés en arrière-plan. Sans elle, le lecteur fonctionne entièrement hors ligne.</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Enregistrer</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
    </context>
    <context>
        <name>SurveyQuestion</name>
        <message>
            <source>1 = not at all, 5 = very much</source>
            <translation>1 = pas du tout, 5 = beaucoup</translation>
        </message>
        <message>
            <source>Your answer</source>
            <translation>Votre réponse</translation>
        </message>
    </context>
    <context>
        <name>SurveyScreen</name>
        <message>
            <source>← Outline</source>
            <translation>← Sommaire</translation>
        </message>
        <message>
            <source>Back to the course outline</source>
            <translation>Retour au sommaire du cours</translation>
        </message>
        <message>
            <source>&amp;Send my answers</source>
            <translation>&amp;Envoyer mes réponses</translation>
        </message>
        <message>
            <source>Tell us what you thought of this course. There are no right answers, and every question is optional.</source>
            <translation>Dites-nous ce que vous avez pensé de ce cours. Il n’y a pas de bonne réponse, et chaque question est facultative.</translation>
        </message>
        <message>
            <source>Loading the survey…</source>
            <translation>Chargement du questionnaire…</translation>
        </message>
        <message>
            <source>You already answered; you may change your answers.</source>
            <translation>Vous avez déjà répondu ; vous pouvez modifier vos réponses.</translation>
        </message>
        <message>
            <source>Answer at least one question first.</source>
            <translation>Répondez d’abord à au moins une question.</translation>
        </message>
        <message>
            <source>Thank you! Your answers were saved.</source>
            <translation>Merci ! Vos réponses ont été enregistrées.</translation>
        </message>
    </context>
    <context>
        <name>VideoLessonView</name>
        <message>
            <source>← Outline</source>
            <translation>← Sommaire</translation>
        </message>
        <message>
            <source>Back to the course outline</source>
            <translation>Retour au sommaire du cours</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>Vidéo</translation>
        </message>
        <message>
            <source>Position in the video</source>
            <translation>Position dans la vidéo</translation>
        </message>
        <message>
            <source>Time played</source>
            <translation>Temps écoulé</translation>
        </message>
        <message>
            <source>Length of the video</source>
            <translation>Durée de la vidéo</translation>
        </message>
        <message>
            <source>Back 10 seconds</source>
            <translation>Reculer de 10 secondes</translation>
        </message>
        <message>
            <source>Left arrow</source>
            <translation>Flèche gauche</translation>
        </message>
        <message>
            <source>Forward 10 seconds</source>
            <translation>Avancer de 10 secondes</translation>
        </message>
        <message>
            <source>Right arrow</source>
            <translation>Flèche droite</translation>
        </message>
        <message>
            <source>Full screen</source>
            <translation>Plein écran</translation>
        </message>
        <message>
            <source>Mute</source>
            <translation>Couper le son</translation>
        </message>
        <message>
            <source>Volume</source>
            <translation>Volume</translation>
        </message>
        <message>
            <source>&amp;Speed</source>
            <translation>&amp;Vitesse</translation>
        </message>
        <message>
            <source>Playback speed</source>
            <translation>Vitesse de lecture</translation>
        </message>
        <message>
            <source>S&amp;ubtitles</source>
            <translation>S&amp;ous-titres</translation>
        </message>
        <message>
            <source>Subtitles</source>
            <translation>Sous-titres</translation>
        </message>
        <message>
            <source>&amp;Quality</source>
            <translation>&amp;Qualité</translation>
        </message>
        <message>
            <source>Video quality</source>
            <translation>Qualité vidéo</translation>
        </message>
        <message>
            <source>Next lesson →</source>
            <translation>Leçon suivante →</translation>
        </message>
        <message>
            <source>Next lesson</source>
            <translation>Leçon suivante</translation>
        </message>
        <message>
            <source>Your progress could not be saved: %1</source>
            <translation>Votre progression n’a pas pu être enregistrée : %1</translation>
        </message>
        <message>
            <source>The video file is missing: %1. Install the course again.</source>
            <translation>Le fichier vidéo est absent : %1. Réinstallez le cours.</translation>
        </message>
        <message>
            <source>Videos cannot play: VLC is not installed on this computer.</source>
            <translation>Les vidéos ne peuvent pas être lues : VLC n’est pas installé sur cet ordinateur.</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>Lecture</translation>
        </message>
        <message>
            <source>%1 (Space)</source>
            <translation>%1 (Espace)</translation>
        </message>
        <message>
            <source>%1×</source>
            <translation>%1×</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>Désactivés</translation>
        </message>
    </context>
    <context>
        <name>VideoPlayer</name>
        <message>
            <source>This video cannot be played: %1. The file may be damaged.</source>
            <translation>Cette vidéo ne peut pas être lue : %1. Le fichier est peut-être abîmé.</translation>
        </message>
    </context>
</TS>
