from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("initiatieven", "0003_succes_team"),
    ]

    operations = [
        migrations.AddField(
            model_name="initiatief",
            name="soort_doel",
            field=models.CharField(
                blank=True,
                choices=[
                    (
                        "samen_leven",
                        "bewoners doen samen iets: elkaar ontmoeten, helpen, feesten",
                    ),
                    (
                        "bewoners_ondersteunen",
                        "initiatieven van bewoners stimuleren, ondersteunen of versterken, "
                        "zodat ze inclusief en zorgzaam zijn",
                    ),
                    (
                        "zorg_op_buurtniveau",
                        "zorg en welzijn geïntegreerd organiseren op buurtniveau",
                    ),
                ],
                db_default="",
                default="",
                max_length=30,
                verbose_name="wat wil het initiatief bereiken?",
            ),
        ),
        migrations.AddField(
            model_name="initiatief",
            name="soort_gegroeid",
            field=models.CharField(
                blank=True,
                choices=[
                    ("uit_bewoners", "ja, bewoners trekken het zelf"),
                    (
                        "gestimuleerd",
                        "nee, vrijwilligers of professionals starten of stimuleren het",
                    ),
                ],
                db_default="",
                default="",
                max_length=30,
                verbose_name="groeit het uit bewoners zelf?",
            ),
        ),
        migrations.AddField(
            model_name="initiatief",
            name="soort_aanleiding",
            field=models.CharField(
                blank=True,
                choices=[
                    ("geen_bewonersinitiatieven", "er zijn (nog) geen bewonersinitiatieven"),
                    ("niet_zorgzaam", "ze zijn warm en gezellig, maar nog niet zorgzaam"),
                    ("uitval", "er vallen bewoners uit de boot"),
                    ("versterken", "bestaande bewonersinitiatieven versterken"),
                ],
                db_default="",
                default="",
                max_length=30,
                verbose_name="wat is de aanleiding?",
            ),
        ),
    ]
